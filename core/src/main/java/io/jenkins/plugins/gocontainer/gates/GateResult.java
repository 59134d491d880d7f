package io.jenkins.plugins.gocontainer.gates;

import java.util.List;
import java.util.Objects;

/**
 * How one gate ended, in words ready for people and machines.
 *
 * @param measured what was measured, e.g. {@code 31.2 MB} or {@code 4 findings (1 error, 3 warning)}
 * @param limit    the limits applied, as the user wrote them
 * @param breaches one line per exceeded limit; empty when the gate passed
 * @param offenders the top items to fix (findings, layers), most important first
 */
public record GateResult(String name, String measured, String limit, GateOutcome outcome, List<String> breaches,
                         List<String> offenders) {

    public GateResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        measured = measured == null ? "" : measured;
        limit = limit == null ? "" : limit;
        breaches = List.copyOf(breaches);
        offenders = List.copyOf(offenders);
    }
}
