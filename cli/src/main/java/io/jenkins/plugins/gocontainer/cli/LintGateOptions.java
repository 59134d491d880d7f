package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.Severity;
import io.jenkins.plugins.gocontainer.operations.GateSettings;
import io.jenkins.plugins.gocontainer.operations.OperationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns lint-gate flag values into core's gate settings; shared by {@code gocb build} and {@code gocb gate lint}. */
final class LintGateOptions {

    private LintGateOptions() {
    }

    /** {@code SEVERITY=N} values as limits per severity. */
    static Map<Severity, Integer> perSeverity(List<String> values, String flag) {
        Map<Severity, Integer> limits = new LinkedHashMap<>();
        KeyValues.pairs(values, flag).forEach((severity, n) -> limits.put(Severity.parse(severity), count(n, flag)));
        return limits;
    }

    /** {@code LINTER=N} values as limits per linter. */
    static Map<String, Integer> perLinter(List<String> values, String flag) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        KeyValues.pairs(values, flag).forEach((linter, n) -> limits.put(linter, count(n, flag)));
        return limits;
    }

    /** The lint check of {@code gocb gate lint}: the same settings, and the same refusals, as the build's lint gate. */
    static Optional<QualityGates.LintCheck> check(Path report, Integer maxIssues, List<String> perSeverity, List<String> perLinter,
                                                  Path baseline, String onBreach) {
        GateSettings settings = new GateSettings(null, Map.of(), null, null, false, OnBreach.FAILED, BuilderOptions.text(report), maxIssues,
            perSeverity(perSeverity, "--max-severity"), perLinter(perLinter, "--max-per-linter"), BuilderOptions.text(baseline),
            OnBreach.parse(onBreach), null, null);
        return settings.gates(OperationContext.of(Path.of("").toAbsolutePath(), Map.of(), OutputSink.discard())).lint();
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
        throw new InvalidBuildRequestException("invalid " + flag + " count '" + value + "'",
            "limits are whole numbers of findings, 0 or more", "write it like " + flag + " error=0");
    }
}
