package io.jenkins.plugins.gocontainer.gates;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * Checkstyle XML as golangci-lint writes it (pkg/printers/checkstyle.go): {@code <checkstyle version="5.0">
 * <file name="..."><error line="" column="" severity="" message="" source="linter"/></file></checkstyle>}.
 */
final class CheckstyleXmlParser {

    private CheckstyleXmlParser() {
    }

    static LintReport parse(Document document, String source) {
        List<Finding> findings = new ArrayList<>();
        NodeList files = document.getDocumentElement().getElementsByTagName("file");
        for (int f = 0; f < files.getLength(); f++) {
            Element file = (Element) files.item(f);
            NodeList errors = file.getElementsByTagName("error");
            for (int e = 0; e < errors.getLength(); e++) {
                Element error = (Element) errors.item(e);
                findings.add(new Finding(file.getAttribute("name"), number(error.getAttribute("line")),
                    number(error.getAttribute("column")), error.getAttribute("source"),
                    Severity.fromToolLevel(error.getAttribute("severity")), error.getAttribute("message")));
            }
        }
        return new LintReport(LintFormat.CHECKSTYLE_XML, "", source, findings);
    }

    private static int number(String text) {
        try {
            return text.isBlank() ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
