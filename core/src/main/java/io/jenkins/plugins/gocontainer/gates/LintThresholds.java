package io.jenkins.plugins.gocontainer.gates;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The most findings a lint gate accepts: in total, per severity and per linter/rule. Unset limits
 * do not apply. Immutable; the {@code with...} methods return a copy.
 */
public record LintThresholds(OptionalInt maxTotal, Map<Severity, Integer> maxPerSeverity, Map<String, Integer> maxPerRule) {

    public LintThresholds {
        maxPerSeverity = Map.copyOf(maxPerSeverity);
        maxPerRule = Map.copyOf(maxPerRule);
        maxTotal.ifPresent(LintThresholds::requireNonNegative);
        maxPerSeverity.values().forEach(LintThresholds::requireNonNegative);
        maxPerRule.values().forEach(LintThresholds::requireNonNegative);
    }

    public static LintThresholds none() {
        return new LintThresholds(OptionalInt.empty(), Map.of(), Map.of());
    }

    public LintThresholds withMaxTotal(int max) {
        return new LintThresholds(OptionalInt.of(max), maxPerSeverity, maxPerRule);
    }

    public LintThresholds withMaxPerSeverity(Severity severity, int max) {
        Map<Severity, Integer> copy = new EnumMap<>(Severity.class);
        copy.putAll(maxPerSeverity);
        copy.put(severity, max);
        return new LintThresholds(maxTotal, copy, maxPerRule);
    }

    public LintThresholds withMaxPerRule(String rule, int max) {
        Map<String, Integer> copy = new LinkedHashMap<>(maxPerRule);
        copy.put(rule, max);
        return new LintThresholds(maxTotal, maxPerSeverity, copy);
    }

    public boolean isEmpty() {
        return maxTotal.isEmpty() && maxPerSeverity.isEmpty() && maxPerRule.isEmpty();
    }

    private static void requireNonNegative(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("a finding limit cannot be negative: " + max);
        }
    }
}
