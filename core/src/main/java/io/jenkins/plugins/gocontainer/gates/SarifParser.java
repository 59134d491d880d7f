package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.jenkins.plugins.gocontainer.gates.JsonFields.array;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.has;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.number;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.object;
import static io.jenkins.plugins.gocontainer.gates.JsonFields.text;

/** SARIF 2.1.0 (OASIS): runs[].results[] with ruleId, level, message.text and the first physical location. */
final class SarifParser {

    private SarifParser() {
    }

    static LintReport parse(Map<String, Object> root, String source) {
        Set<String> tools = new LinkedHashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (Object run : array(root, "runs")) {
            String tool = text(object(object(run, "tool"), "driver"), "name");
            if (!tool.isBlank()) {
                tools.add(tool);
            }
            for (Object result : array(run, "results")) {
                if (isProblem(result)) {
                    findings.add(finding(result));
                }
            }
        }
        return new LintReport(LintFormat.SARIF, String.join("+", tools), source, findings);
    }

    /** Results of kind pass/notApplicable and accepted suppressions are not problems (SARIF §3.27.9, §3.35). */
    private static boolean isProblem(Object result) {
        String kind = text(result, "kind");
        if (kind.equals("pass") || kind.equals("notApplicable")) {
            return false;
        }
        for (Object suppression : array(result, "suppressions")) {
            String status = text(suppression, "status");
            if (status.isEmpty() || status.equals("accepted")) {
                return false;
            }
        }
        return true;
    }

    private static Finding finding(Object result) {
        Map<String, Object> physical = array(result, "locations").isEmpty()
            ? Map.of() : object(array(result, "locations").get(0), "physicalLocation");
        Map<String, Object> region = object(physical, "region");
        String rule = text(result, "ruleId");
        if (rule.isEmpty()) {
            rule = text(object(result, "rule"), "id");
        }
        // SARIF's default level is "warning" when a result gives none (§3.27.10)
        String level = has(result, "level") ? text(result, "level") : "warning";
        return new Finding(text(object(physical, "artifactLocation"), "uri"), number(region, "startLine"),
            number(region, "startColumn"), rule, Severity.fromToolLevel(level), text(object(result, "message"), "text"));
    }
}
