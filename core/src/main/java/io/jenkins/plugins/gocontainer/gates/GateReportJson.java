package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gate report as a JSON summary for machines: {@code {"outcome": ..., "gates": [...]}}. */
public final class GateReportJson {

    private GateReportJson() {
    }

    public static String render(GateReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("outcome", label(report.outcome()));
        root.put("gates", report.gates().stream().map(GateReportJson::gate).toList());
        return Json.write(root);
    }

    private static Map<String, Object> gate(GateResult gate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", gate.name());
        json.put("outcome", label(gate.outcome()));
        json.put("measured", gate.measured());
        json.put("limit", gate.limit());
        json.put("breaches", List.copyOf(gate.breaches()));
        json.put("offenders", List.copyOf(gate.offenders()));
        return json;
    }

    private static String label(GateOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
