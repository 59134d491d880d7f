package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportFiles;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.LintThresholds;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.Severity;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The quality gates of a build, judged on the pushed candidate before any moving tag names it,
 * and where their report is written for machines.
 *
 * @param maxPlatformSize  a limit per platform, keyed {@code os/arch}
 * @param maxLintIssues    most findings allowed; with a report and no limit at all, 0
 * @param lintReport       the report to judge, relative to the workspace
 * @param gateJson         write the gate results as JSON here (relative to the workspace)
 * @param junit            write them as JUnit XML here, for Jenkins' junit step
 */
public record GateSettings(ByteSize maxImageSize, Map<String, ByteSize> maxPlatformSize, GrowthLimit maxImageGrowth, ImageReference sizeBaseline,
                           boolean uncompressedSize, OnBreach sizeOnBreach, String lintReport, Integer maxLintIssues,
                           Map<Severity, Integer> maxLintSeverity, Map<String, Integer> maxLintPerLinter, String lintBaseline,
                           OnBreach lintOnBreach, String gateJson, String junit) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GateSettings {
        maxPlatformSize = Collections.unmodifiableMap(new LinkedHashMap<>(maxPlatformSize));
        maxLintSeverity = Collections.unmodifiableMap(new LinkedHashMap<>(maxLintSeverity));
        maxLintPerLinter = Collections.unmodifiableMap(new LinkedHashMap<>(maxLintPerLinter));
        sizeOnBreach = sizeOnBreach == null ? OnBreach.FAILED : sizeOnBreach;
        lintOnBreach = lintOnBreach == null ? OnBreach.FAILED : lintOnBreach;
        if (maxImageGrowth != null && sizeBaseline == null) {
            throw new InvalidBuildRequestException("a growth limit needs a baseline image",
                "growth is measured against a previous image, typically the last release",
                "add " + setting("sizeBaseline") + " REPO:TAG (e.g. the latest release tag)");
        }
        if (lintReport == null && (maxLintIssues != null || !maxLintSeverity.isEmpty() || !maxLintPerLinter.isEmpty() || lintBaseline != null)) {
            throw new InvalidBuildRequestException("lint limits were given without a lint report",
                "the lint gate judges a report written by golangci-lint, go vet, staticcheck or any SARIF/checkstyle tool",
                "pass the report with " + setting("lintReport") + " FILE (gocb lint writes one)");
        }
        if (maxLintIssues != null && maxLintIssues < 0) {
            throw new InvalidBuildRequestException("invalid " + setting("maxLintIssues") + " " + maxLintIssues,
                "limits are whole numbers of findings, 0 or more", "give 0 or more");
        }
    }

    public static GateSettings none() {
        return new GateSettings(null, Map.of(), null, null, false, OnBreach.FAILED, null, null, Map.of(), Map.of(), null, OnBreach.FAILED, null, null);
    }

    /** These settings with the size gate's largest allowed image. */
    public GateSettings withMaxImageSize(ByteSize value) {
        return new GateSettings(value, maxPlatformSize, maxImageGrowth, sizeBaseline, uncompressedSize, sizeOnBreach, lintReport, maxLintIssues,
            maxLintSeverity, maxLintPerLinter, lintBaseline, lintOnBreach, gateJson, junit);
    }

    /** These settings with a lint report to judge and the most findings it may hold. */
    public GateSettings withLintReport(String report, Integer maxIssues) {
        return new GateSettings(maxImageSize, maxPlatformSize, maxImageGrowth, sizeBaseline, uncompressedSize, sizeOnBreach, report, maxIssues,
            maxLintSeverity, maxLintPerLinter, lintBaseline, lintOnBreach, gateJson, junit);
    }

    public boolean hasSizeGate() {
        return maxImageSize != null || !maxPlatformSize.isEmpty() || maxImageGrowth != null;
    }

    public boolean isEmpty() {
        return !hasSizeGate() && lintReport == null;
    }

    /** The core's gates for these settings, paths resolved in {@code context}. */
    public QualityGates gates(OperationContext context) {
        Optional<QualityGates.SizeCheck> size = Optional.empty();
        if (hasSizeGate()) {
            SizeGate.Limits limits = SizeGate.Limits.none().on(uncompressedSize ? SizeGate.Basis.UNCOMPRESSED : SizeGate.Basis.COMPRESSED);
            if (maxImageSize != null) {
                limits = limits.withMax(maxImageSize);
            }
            for (Map.Entry<String, ByteSize> platform : maxPlatformSize.entrySet()) {
                limits = limits.withPlatformMax(platform.getKey(), platform.getValue());
            }
            if (maxImageGrowth != null) {
                limits = limits.withGrowth(maxImageGrowth);
            }
            size = Optional.of(new QualityGates.SizeCheck(limits, Optional.ofNullable(sizeBaseline), sizeOnBreach));
        }
        Optional<QualityGates.LintCheck> lint = Optional.empty();
        if (lintReport != null) {
            LintThresholds thresholds = LintThresholds.none();
            if (maxLintIssues != null) {
                thresholds = thresholds.withMaxTotal(maxLintIssues);
            }
            for (Map.Entry<Severity, Integer> entry : maxLintSeverity.entrySet()) {
                thresholds = thresholds.withMaxPerSeverity(entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, Integer> entry : maxLintPerLinter.entrySet()) {
                thresholds = thresholds.withMaxPerRule(entry.getKey(), entry.getValue());
            }
            if (thresholds.isEmpty()) {
                thresholds = thresholds.withMaxTotal(0);
            }
            lint = Optional.of(new QualityGates.LintCheck(context.resolve(lintReport), thresholds,
                Optional.ofNullable(context.resolve(lintBaseline)), lintOnBreach));
        }
        return new QualityGates(size, lint);
    }

    /** Refuses, before the build, report paths that would replace something gocb did not write. */
    void requireWritableReports(OperationContext context) {
        GateReportFiles.requireReplaceable(context.resolve(gateJson), "gateJson", context.resolve(junit), "junit");
    }

    /** Writes the report files that were asked for. */
    void writeReports(GateReport report, OperationContext context) {
        GateReportFiles.write(report, context.resolve(gateJson), context.resolve(junit));
    }
}
