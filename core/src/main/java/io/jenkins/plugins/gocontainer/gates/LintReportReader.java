package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a lint report of any supported format, telling the format from the content. */
public final class LintReportReader {

    private LintReportReader() {
    }

    public static LintReport read(Path file) {
        if (!Files.exists(file)) {
            throw LintReportException.missing(file);
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw LintReportException.missing(file);
        } catch (IOException e) {
            throw LintReportException.unreadable(file, e);
        }
    }

    /** @param source names the report in messages (usually its path) */
    public static LintReport parse(String content, String source) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            return parseXml(text, source);
        }
        String firstLine = start.lines().findFirst().orElse("");
        if (firstLine.startsWith("# ") || firstLine.startsWith("vet: ")) {
            return GoVetJsonParser.parse(segments(text, source, LintFormat.GO_VET_JSON), source);
        }
        if (!start.startsWith("{")) {
            throw LintReportException.unknownFormat(source, text, start.isEmpty() ? "the report is empty" : "it is neither JSON nor XML");
        }
        return parseJson(text, source);
    }

    private static LintReport parseJson(String text, String source) {
        List<JsonStream.Segment> segments;
        try {
            segments = JsonStream.segments(text);
        } catch (JsonSyntaxException e) {
            throw LintReportException.malformed(source, guessFormat(text), e.line(), e.column(), describe(e), e);
        }
        Object first = ((JsonStream.JsonObject) segments.get(0)).value();
        if (first instanceof Map<?, ?> map && map.containsKey("Issues")) {
            return GolangciLintJsonParser.parse(single(segments, source, LintFormat.GOLANGCI_LINT_JSON), source);
        }
        if (first instanceof Map<?, ?> map && map.containsKey("runs") && map.containsKey("version")) {
            return SarifParser.parse(single(segments, source, LintFormat.SARIF), source);
        }
        if (StaticcheckJsonParser.looksLike(first)) {
            return StaticcheckJsonParser.parse(segments, source);
        }
        if (GoVetJsonParser.looksLike(first)) {
            return GoVetJsonParser.parse(segments, source);
        }
        throw LintReportException.unknownFormat(source, text,
            "its JSON has none of the fields the known formats start with (Issues, runs, code, packages of analyzers)");
    }

    /** golangci-lint and SARIF reports are one document: anything after it means two writers shared the file. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(List<JsonStream.Segment> segments, String source, LintFormat format) {
        if (segments.size() > 1) {
            JsonStream.Segment extra = segments.get(1);
            throw LintReportException.malformed(source, format, extra.line(), 1, "unexpected content after the report", null);
        }
        return (Map<String, Object>) ((JsonStream.JsonObject) segments.get(0)).value();
    }

    private static List<JsonStream.Segment> segments(String text, String source, LintFormat format) {
        try {
            return JsonStream.segments(text);
        } catch (JsonSyntaxException e) {
            throw LintReportException.malformed(source, format, e.line(), e.column(), describe(e), e);
        }
    }

    /** A broken document can still say which tool began writing it; used only to word the error. */
    private static LintFormat guessFormat(String text) {
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        if (head.contains("\"Issues\"")) {
            return LintFormat.GOLANGCI_LINT_JSON;
        }
        if (head.contains("\"runs\"") || head.contains("sarif")) {
            return LintFormat.SARIF;
        }
        if (head.contains("\"code\"") && head.contains("\"location\"")) {
            return LintFormat.STATICCHECK_JSON;
        }
        if (head.contains("\"posn\"")) {
            return LintFormat.GO_VET_JSON;
        }
        return LintFormat.GOLANGCI_LINT_JSON;
    }

    private static String describe(JsonSyntaxException e) {
        String what = e.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", "");
        return what.contains("end-of-input") ? "the report ends in the middle (" + what.lines().findFirst().orElse(what) + ")"
            : what.lines().findFirst().orElse(what);
    }

    private static LintReport parseXml(String text, String source) {
        Document document;
        try {
            DocumentBuilder builder = secureBuilder();
            document = builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw LintReportException.malformed(source, LintFormat.CHECKSTYLE_XML, e.getLineNumber(), e.getColumnNumber(), e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw LintReportException.malformed(source, LintFormat.CHECKSTYLE_XML, 0, 0, e.getMessage(), e);
        }
        String root = document.getDocumentElement().getNodeName();
        if (!root.equals("checkstyle")) {
            throw LintReportException.unknownFormat(source, text, "it is XML with root element <" + root + ">, not <checkstyle>");
        }
        return CheckstyleXmlParser.parse(document, source);
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ThrowingErrorHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** The default handler prints fatal errors to stderr before throwing; gocb reports them itself. */
    private static final class ThrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
