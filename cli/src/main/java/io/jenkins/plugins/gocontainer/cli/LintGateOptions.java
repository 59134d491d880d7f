package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.LintThresholds;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns lint-gate flag values into the core's lint check; shared by {@code gocb build} and {@code gocb gate lint}. */
final class LintGateOptions {

    private LintGateOptions() {
    }

    /** Bad flag values (an unknown severity, a negative count) are bad input, exit code 2. */
    static Optional<QualityGates.LintCheck> check(Path report, Integer maxIssues, List<String> perSeverity, List<String> perLinter,
                                                  Path baseline, String onBreach) {
        return parse(report, maxIssues, perSeverity, perLinter, baseline, onBreach);
    }

    private static Optional<QualityGates.LintCheck> parse(Path report, Integer maxIssues, List<String> perSeverity, List<String> perLinter,
                                                          Path baseline, String onBreach) {
        if (report == null) {
            if (maxIssues != null || !perSeverity.isEmpty() || !perLinter.isEmpty() || baseline != null) {
                throw new io.jenkins.plugins.gocontainer.InvalidBuildRequestException("lint limits were given without a lint report",
                    "the lint gate judges a report written by golangci-lint, go vet, staticcheck or any SARIF/checkstyle tool",
                    "pass the report with --lint-report FILE (gocb lint writes one)");
            }
            return Optional.empty();
        }
        LintThresholds thresholds = LintThresholds.none();
        if (maxIssues != null) {
            thresholds = thresholds.withMaxTotal(maxIssues);
        }
        for (Map.Entry<String, String> entry : KeyValues.pairs(perSeverity, "--max-severity").entrySet()) {
            thresholds = thresholds.withMaxPerSeverity(Severity.parse(entry.getKey()), count(entry.getValue(), "--max-severity"));
        }
        for (Map.Entry<String, String> entry : KeyValues.pairs(perLinter, "--max-per-linter").entrySet()) {
            thresholds = thresholds.withMaxPerRule(entry.getKey(), count(entry.getValue(), "--max-per-linter"));
        }
        if (thresholds.isEmpty()) {
            thresholds = thresholds.withMaxTotal(0);
        }
        return Optional.of(new QualityGates.LintCheck(report, thresholds, Optional.ofNullable(baseline), OnBreach.parse(onBreach)));
    }

    static int count(String value, String flag) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new io.jenkins.plugins.gocontainer.InvalidBuildRequestException("invalid " + flag + " count '" + value + "'",
            "limits are whole numbers of findings, 0 or more", "write it like " + flag + " error=0");
    }
}
