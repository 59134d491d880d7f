package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jenkins.plugins.gocontainer.gates.JsonFields.text;

/**
 * {@code go vet -json}: one object per package, {@code {"pkg": {"analyzer": [{"posn": "file:line:col",
 * "message": ...}] | {"error": ...}}}} (golang.org/x/tools internal/analysis/driverutil JSONTree).
 * Go 1.26 writes them to stdout; older Go wrote them to stderr after {@code # pkg} lines, and
 * packages that do not compile show up as {@code vet: file:line:col: message} lines there.
 */
final class GoVetJsonParser {

    /** go vet reports a package that does not type-check under this name; golangci-lint uses the same. */
    static final String TYPECHECK_RULE = "typecheck";

    private static final Pattern POSITION = Pattern.compile("^(.*?):(\\d+)(?::(\\d+))?$");
    private static final Pattern VET_ERROR_LINE = Pattern.compile("^vet: (.+?):(\\d+):(\\d+): (.*)$");

    private GoVetJsonParser() {
    }

    /** Every value is an object of analyzers (an empty object is a package with no findings). */
    static boolean looksLike(Object value) {
        return value instanceof Map<?, ?> map && map.values().stream().allMatch(analyzers -> analyzers instanceof Map);
    }

    static LintReport parse(List<JsonStream.Segment> segments, String source) {
        List<Finding> findings = new ArrayList<>();
        for (JsonStream.Segment segment : segments) {
            if (segment instanceof JsonStream.JsonObject object) {
                if (!looksLike(object.value())) {
                    throw LintReportException.malformed(source, LintFormat.GO_VET_JSON, segment.line(), 1,
                        "expected an object of packages and analyzers", null);
                }
                addPackage((Map<?, ?>) object.value(), findings);
            } else {
                String text = ((JsonStream.TextLine) segment).text();
                Matcher vetError = VET_ERROR_LINE.matcher(text);
                if (vetError.matches()) {
                    findings.add(new Finding(vetError.group(1), Integer.parseInt(vetError.group(2)), Integer.parseInt(vetError.group(3)),
                        TYPECHECK_RULE, Severity.ERROR, vetError.group(4)));
                } else if (!isChatter(text)) {
                    throw LintReportException.malformed(source, LintFormat.GO_VET_JSON, segment.line(), 1,
                        "unexpected text '" + text + "'", null);
                }
            }
        }
        return new LintReport(LintFormat.GO_VET_JSON, "go vet", source, findings);
    }

    /** Package headers and module downloads, which appear when stderr is captured with the report. */
    private static boolean isChatter(String text) {
        return text.startsWith("#") || text.startsWith("go: downloading ") || text.startsWith("go: finding ");
    }

    private static void addPackage(Map<?, ?> packages, List<Finding> findings) {
        for (Map.Entry<?, ?> pkg : packages.entrySet()) {
            for (Map.Entry<?, ?> analyzer : ((Map<?, ?>) pkg.getValue()).entrySet()) {
                String rule = String.valueOf(analyzer.getKey());
                if (analyzer.getValue() instanceof List<?> diagnostics) {
                    for (Object diagnostic : diagnostics) {
                        findings.add(finding(rule, text(diagnostic, "posn"), text(diagnostic, "message")));
                    }
                } else {
                    // the analyzer itself failed on this package: {"error": "..."}
                    findings.add(new Finding(String.valueOf(pkg.getKey()), 0, 0, rule, Severity.ERROR,
                        "analyzer failed: " + text(analyzer.getValue(), "error")));
                }
            }
        }
    }

    private static Finding finding(String rule, String position, String message) {
        Matcher matcher = POSITION.matcher(position);
        if (!matcher.matches()) {
            return new Finding(position, 0, 0, rule, Severity.ERROR, message);
        }
        int column = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new Finding(matcher.group(1), Integer.parseInt(matcher.group(2)), column, rule, Severity.ERROR, message);
    }
}
