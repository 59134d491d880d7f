package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.gocontainer.gates.JsonFields.number;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.object;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.text;

/**
 * staticcheck {@code -f json} (honnef.co/go/tools lintcmd/format.go): one object per line with
 * code, severity, location{file,line,column}, end and message.
 */
final class StaticcheckJsonParser {

    private StaticcheckJsonParser() {
    }

    static boolean looksLike(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("code") && map.get("location") instanceof Map;
    }

    static LintReport parse(List<JsonStream.Segment> segments, String source) {
        List<Finding> findings = new ArrayList<>();
        for (JsonStream.Segment segment : segments) {
            if (!(segment instanceof JsonStream.JsonObject object) || !looksLike(object.value())) {
                String found = segment instanceof JsonStream.TextLine line ? "'" + line.text() + "'" : "a JSON object without code and location";
                throw LintReportException.malformed(source, LintFormat.STATICCHECK_JSON, segment.line(), 1,
                    "expected one diagnostic object per line, found " + found, null);
            }
            Map<String, Object> location = object(object.value(), "location");
            findings.add(new Finding(text(location, "file"), number(location, "line"), number(location, "column"),
                text(object.value(), "code"), Severity.fromToolLevel(text(object.value(), "severity")), text(object.value(), "message")));
        }
        return new LintReport(LintFormat.STATICCHECK_JSON, "staticcheck", source, findings);
    }
}
