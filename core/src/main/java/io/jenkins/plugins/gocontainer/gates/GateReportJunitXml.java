package io.jenkins.plugins.gocontainer.gates;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * The gate report as JUnit XML for Jenkins' {@code junit} step: one test case per gate, a breach
 * as a {@code <failure>} whose message lists the exceeded limits and whose body the offenders.
 * Jenkins' junit step fails nothing by itself; the build result comes from the gate outcomes.
 */
public final class GateReportJunitXml {

    static final String SUITE = "gocb.gates";

    private GateReportJunitXml() {
    }

    public static String render(GateReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE);
            xml.writeAttribute("tests", String.valueOf(report.gates().size()));
            xml.writeAttribute("failures", String.valueOf(report.gates().stream().filter(g -> g.outcome() != GateOutcome.PASSED).count()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (GateResult gate : report.gates()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", SUITE);
                xml.writeAttribute("name", clean(gate.name()));
                xml.writeAttribute("time", "0");
                if (gate.outcome() != GateOutcome.PASSED) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("failure");
                    xml.writeAttribute("type", gate.outcome().name());
                    xml.writeAttribute("message", clean(gate.name() + " " + gate.outcome().name().toLowerCase() + ": "
                        + String.join("; ", gate.breaches())));
                    xml.writeCharacters(clean(details(gate)));
                    xml.writeEndElement();
                    xml.writeCharacters("\n  ");
                }
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean("measured: " + gate.measured() + "\nlimit: " + gate.limit() + "\n"));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to memory failed", e);
        }
        return out.toString();
    }

    private static String details(GateResult gate) {
        StringBuilder text = new StringBuilder();
        text.append("measured: ").append(gate.measured()).append('\n');
        text.append("limit: ").append(gate.limit()).append('\n');
        gate.breaches().forEach(breach -> text.append("breached: ").append(breach).append('\n'));
        gate.offenders().forEach(offender -> text.append("  ").append(offender).append('\n'));
        return text.toString();
    }

    /** XML 1.0 cannot carry most control characters even escaped; linter messages sometimes quote them. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            out.appendCodePoint(allowed ? cp : 0xFFFD);
        });
        return out.toString();
    }
}
