package io.jenkins.plugins.gocontainer.cli;

/** gocb's exit codes, stable for scripts and Jenkins steps. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The build (or another operation) ran and failed. */
    public static final int FAILED = 1;
    /** Bad flags or a request that cannot be planned; nothing ran. */
    public static final int INVALID_INPUT = 2;
    /** The image was built, but a quality gate failed: the candidate tag stays, moving tags were not added. */
    public static final int GATE_FAILED = 3;
    /** No builder could be reached or started, a registry to push to does not answer, or a required tool is missing. */
    public static final int BUILDER_UNAVAILABLE = 4;
    /** Everything was done, but a quality gate marked the result unstable (Jenkins' yellow). */
    public static final int GATE_UNSTABLE = 5;
    /** Cancelled. A signal ends the JVM with 128 + its number: 130 for SIGINT, 143 for SIGTERM. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    static int of(io.jenkins.plugins.gocontainer.gates.GateOutcome outcome) {
        return switch (outcome) {
            case PASSED -> OK;
            case UNSTABLE -> GATE_UNSTABLE;
            case FAILED -> GATE_FAILED;
        };
    }
}
