package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.gocontainer.gates.JsonFields.array;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.number;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.object;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.text;

/**
 * golangci-lint's JSON printer (v1 and v2 alike, pkg/printers/json.go): {@code {"Issues": [{"FromLinter",
 * "Text", "Severity", "Pos": {"Filename", "Line", "Column"}}], "Report": {"Warnings": [...], "Error": ...}}}.
 */
final class GolangciLintJsonParser {

    private GolangciLintJsonParser() {
    }

    static LintReport parse(Map<String, Object> root, String source) {
        String error = text(object(root, "Report"), "Error");
        if (!error.isBlank()) {
            throw LintReportException.toolError(source, "golangci-lint", error);
        }
        List<Finding> findings = new ArrayList<>();
        for (Object issue : array(root, "Issues")) {
            Map<String, Object> position = object(issue, "Pos");
            findings.add(new Finding(text(position, "Filename"), number(position, "Line"), number(position, "Column"),
                text(issue, "FromLinter"), Severity.fromToolLevel(text(issue, "Severity")), text(issue, "Text")));
        }
        return new LintReport(LintFormat.GOLANGCI_LINT_JSON, "golangci-lint", source, findings);
    }
}
