package io.jenkins.plugins.gocontainer.gates;

import java.util.List;

/** The results of all gates of one build. */
public record GateReport(List<GateResult> gates) {

    public GateReport {
        gates = List.copyOf(gates);
    }

    /** The worst outcome of any gate; PASSED when there are no gates. */
    public GateOutcome outcome() {
        return gates.stream().map(GateResult::outcome).reduce(GateOutcome.PASSED, GateOutcome::worse);
    }
}
