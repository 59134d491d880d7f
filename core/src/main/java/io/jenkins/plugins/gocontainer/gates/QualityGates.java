package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quality gates a build is held to: image size and lint results, each with the outcome a
 * breach gives. Evaluated against the pushed candidate image, before any moving tag is added.
 */
public record QualityGates(Optional<SizeCheck> size, Optional<LintCheck> lint) {

    /** How many offenders (largest layers, first findings) a gate result shows. */
    public static final int TOP_OFFENDERS = 5;

    /** The size gate: limits, an optional baseline image for growth limits, and the outcome of a breach. */
    public record SizeCheck(SizeGate.Limits limits, Optional<ImageReference> baseline, OnBreach onBreach) {
    }

    /** The lint gate: a report file (any supported format), thresholds, an optional baseline report, and the outcome of a breach. */
    public record LintCheck(Path report, LintThresholds thresholds, Optional<Path> baseline, OnBreach onBreach) {
    }

    public static QualityGates none() {
        return new QualityGates(Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return size.isEmpty() && lint.isEmpty();
    }

    /**
     * Reads and judges the lint report now, before the build, so that a missing, broken or
     * incomparable report stops it before anything is pushed; {@link #evaluate} reads it again.
     */
    public void checkInputs() {
        evaluateLint();
    }

    /** The lint gate alone: it needs no image. */
    public Optional<GateResult> evaluateLint() {
        return lint.map(check -> {
            LintReport current = LintReportReader.read(check.report());
            Optional<LintReport> baseline = check.baseline().map(LintReportReader::read);
            return LintGate.toGateResult("lint", LintGate.evaluate(current, baseline, check.thresholds()), check.onBreach(), TOP_OFFENDERS);
        });
    }

    /** Every configured gate, the size gate measuring {@code image} in its registry. */
    public GateReport evaluate(RegistryClient client, ImageReference image) throws InterruptedException {
        List<GateResult> results = new ArrayList<>();
        evaluateLint().ifPresent(results::add);
        if (size.isPresent()) {
            SizeCheck check = size.get();
            boolean uncompressed = check.limits().basis() == SizeGate.Basis.UNCOMPRESSED;
            ImageSize measured = ImageSize.fromRegistry(client, image, uncompressed);
            Optional<ImageSize> baseline = Optional.empty();
            if (check.baseline().isPresent()) {
                baseline = Optional.of(ImageSize.fromRegistry(client, check.baseline().get(), uncompressed));
            }
            results.add(SizeGate.evaluate(measured, baseline, check.limits(), check.onBreach(), TOP_OFFENDERS));
        }
        return new GateReport(results);
    }
}
