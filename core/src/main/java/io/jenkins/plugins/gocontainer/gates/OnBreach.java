package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.Locale;

/** What a breached gate does to the build, chosen per gate like warnings-ng's quality gates. */
public enum OnBreach {
    UNSTABLE, FAILED;

    public GateOutcome outcome() {
        return this == UNSTABLE ? GateOutcome.UNSTABLE : GateOutcome.FAILED;
    }

    /** Accepts {@code unstable}, {@code fail}, {@code failed}, {@code failure} in any case. */
    public static OnBreach parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "unstable" -> UNSTABLE;
            case "fail", "failed", "failure" -> FAILED;
            default -> throw new InvalidBuildRequestException("unknown gate outcome '" + text + "'",
                "a breached gate either marks the build unstable or fails it",
                "write 'unstable' or 'fail'");
        };
    }
}
