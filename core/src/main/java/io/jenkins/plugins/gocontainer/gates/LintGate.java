package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Applies lint thresholds to a report, optionally to the findings new since a baseline. */
public final class LintGate {

    private LintGate() {
    }

    public static LintEvaluation evaluate(LintReport current, Optional<LintReport> baseline, LintThresholds thresholds) {
        List<Finding> counted = baseline.map(base -> Baseline.newFindings(base, current)).orElse(current.findings());
        List<LintBreach> breaches = new ArrayList<>();
        thresholds.maxTotal().ifPresent(max -> check("total", max, counted, breaches));
        for (Map.Entry<Severity, Integer> limit : thresholds.maxPerSeverity().entrySet().stream()
            .sorted(Map.Entry.comparingByKey()).toList()) {
            check("severity " + limit.getKey().label(), limit.getValue(),
                counted.stream().filter(finding -> finding.severity() == limit.getKey()).toList(), breaches);
        }
        for (Map.Entry<String, Integer> limit : thresholds.maxPerRule().entrySet().stream()
            .sorted(Map.Entry.comparingByKey()).toList()) {
            check("linter " + limit.getKey(), limit.getValue(),
                counted.stream().filter(finding -> finding.rule().equals(limit.getKey())).toList(), breaches);
        }
        return new LintEvaluation(current, counted, baseline.isPresent(), thresholds, breaches);
    }

    private static void check(String threshold, int max, List<Finding> findings, List<LintBreach> breaches) {
        if (findings.size() > max) {
            breaches.add(new LintBreach(threshold, max, findings));
        }
    }

    /** The evaluation as a gate result: measured counts, the limits, and the most frequent offenders first. */
    public static GateResult toGateResult(String gateName, LintEvaluation evaluation, OnBreach onBreach, int topOffenders) {
        String measured = evaluation.counted().size() + (evaluation.newOnly() ? " new" : "") + " findings"
            + bySeverity(evaluation.counted());
        List<String> limits = new ArrayList<>();
        LintThresholds thresholds = evaluation.thresholds();
        thresholds.maxTotal().ifPresent(max -> limits.add("total <= " + max));
        thresholds.maxPerSeverity().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(limit -> limits.add(limit.getKey().label() + " <= " + limit.getValue()));
        thresholds.maxPerRule().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(limit -> limits.add(limit.getKey() + " <= " + limit.getValue()));
        List<String> offenders = evaluation.breaches().stream().flatMap(breach -> breach.offenders().stream())
            .distinct().map(Finding::describe).limit(topOffenders).toList();
        return new GateResult(gateName, measured, limits.isEmpty() ? "none" : String.join(", ", limits),
            evaluation.breached() ? onBreach.outcome() : GateOutcome.PASSED,
            evaluation.breaches().stream().map(LintBreach::describe).toList(), offenders);
    }

    private static String bySeverity(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        Map<Severity, Long> counts = findings.stream().collect(Collectors.groupingBy(Finding::severity, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(entry -> entry.getValue() + " " + entry.getKey().label())
            .collect(Collectors.joining(", ", " (", ")"));
    }
}
