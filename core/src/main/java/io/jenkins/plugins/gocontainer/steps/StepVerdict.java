package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;

import java.util.Optional;

/**
 * What a {@code goDockerBuild} step does with its build's gate outcome: a failed gate fails the
 * step with the gate table (its candidate tag stays); an unstable one marks the step and the build
 * unstable; with {@code failOnGate: false} the step returns either way and the pipeline decides.
 *
 * @param result  the Jenkins result to set on the step, empty for success
 * @param fails   whether the step throws (with {@code message})
 * @param message one paragraph for the log or the error, with the gate table
 */
public record StepVerdict(Optional<GateOutcome> result, boolean fails, String message) {

    public static StepVerdict of(GoDockerBuildResult build, boolean failOnGate) {
        GateOutcome outcome = build.outcome();
        if (outcome == GateOutcome.PASSED) {
            return new StepVerdict(Optional.empty(), false, "");
        }
        String table = build.gateTable().isBlank() ? "" : "\n" + build.gateTable().stripTrailing();
        String tags = build.withheld().isEmpty() ? "" : "; withheld: " + String.join(", ", build.withheld());
        if (!failOnGate) {
            return new StepVerdict(Optional.empty(), false, GoDockerBuildParameters.NAME + ": quality gates " + outcome
                + " (failOnGate: false, so the step returns its result" + tags + ")" + table);
        }
        if (outcome == GateOutcome.UNSTABLE) {
            return new StepVerdict(Optional.of(GateOutcome.UNSTABLE), false, GoDockerBuildParameters.NAME
                + ": a quality gate is breached, so the build is unstable" + tags + table);
        }
        return new StepVerdict(Optional.of(GateOutcome.FAILED), true, GoDockerBuildParameters.NAME + ": a quality gate failed; the candidate "
            + build.candidate() + " stays" + tags + table);
    }
}
