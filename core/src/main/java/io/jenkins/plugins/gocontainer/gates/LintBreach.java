package io.jenkins.plugins.gocontainer.gates;

import java.util.List;

/**
 * One lint limit exceeded.
 *
 * @param threshold what was limited, e.g. {@code total}, {@code severity error}, {@code linter errcheck}
 * @param offenders the findings counted against the limit
 */
public record LintBreach(String threshold, int limit, List<Finding> offenders) {

    public LintBreach {
        offenders = List.copyOf(offenders);
    }

    public int measured() {
        return offenders.size();
    }

    /** {@code severity error: 3 findings, at most 0 allowed}. */
    public String describe() {
        return threshold + ": " + measured() + (measured() == 1 ? " finding" : " findings") + ", at most " + limit + " allowed";
    }
}
