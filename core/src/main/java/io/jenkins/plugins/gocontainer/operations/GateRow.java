package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.gates.GateResult;

import java.io.Serializable;
import java.util.LinkedHashMap;

/** One quality gate's verdict, as an operation result carries it. */
public record GateRow(String name, String outcome, String measured, String limit, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    static GateRow of(GateResult result) {
        return new GateRow(result.name(), result.outcome().name(), result.measured(), result.limit(), String.join("; ", result.breaches()));
    }

    LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("outcome", outcome);
        map.put("measured", measured);
        map.put("limit", limit);
        map.put("message", message);
        return map;
    }
}
