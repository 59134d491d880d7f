package io.jenkins.plugins.gocontainer.gates;

/** How a gate ended, ordered from best to worst, with Jenkins' result names in mind. */
public enum GateOutcome {
    PASSED, UNSTABLE, FAILED;

    public GateOutcome worse(GateOutcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
