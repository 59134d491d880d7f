package io.jenkins.plugins.gocontainer.gates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tells the findings that are new since a baseline report. */
public final class Baseline {

    private Baseline() {
    }

    /**
     * Findings of {@code current} absent from {@code baseline}, matched by file, rule and message
     * (lines move whenever code above them changes). Matching counts occurrences: if the baseline
     * had two identical findings and the current report three, one is new.
     *
     * @throws LintReportException if the two reports come from different tools or formats
     */
    public static List<Finding> newFindings(LintReport baseline, LintReport current) {
        if (baseline.format() != current.format() || !baseline.tool().equals(current.tool())) {
            throw LintReportException.baselineMismatch(baseline, current);
        }
        Map<Finding.BaselineKey, Integer> known = new HashMap<>();
        for (Finding finding : baseline.findings()) {
            known.merge(finding.baselineKey(), 1, Integer::sum);
        }
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : current.findings()) {
            Integer remaining = known.get(finding.baselineKey());
            if (remaining != null && remaining > 0) {
                known.put(finding.baselineKey(), remaining - 1);
            } else {
                fresh.add(finding);
            }
        }
        return List.copyOf(fresh);
    }
}
