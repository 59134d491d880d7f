package io.jenkins.plugins.gocontainer.gates;

import java.util.List;

/**
 * What a lint gate found.
 *
 * @param counted the findings the limits applied to: all of them, or only the new ones with a baseline
 * @param newOnly whether {@code counted} holds only findings absent from a baseline
 */
public record LintEvaluation(LintReport report, List<Finding> counted, boolean newOnly, LintThresholds thresholds,
                             List<LintBreach> breaches) {

    public LintEvaluation {
        counted = List.copyOf(counted);
        breaches = List.copyOf(breaches);
    }

    public boolean breached() {
        return !breaches.isEmpty();
    }
}
