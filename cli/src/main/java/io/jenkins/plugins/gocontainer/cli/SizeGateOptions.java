package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns size-gate flag values into the core's size check; shared by {@code gocb build} and {@code gocb gate size}. */
final class SizeGateOptions {

    private SizeGateOptions() {
    }

    /** Bad flag values (an unknown unit, a negative size) are bad input, exit code 2. */
    static Optional<QualityGates.SizeCheck> check(String max, List<String> perPlatform, String growth, String baseline, boolean uncompressed,
                                                  String onBreach) {
        return parse(max, perPlatform, growth, baseline, uncompressed, onBreach);
    }

    private static Optional<QualityGates.SizeCheck> parse(String max, List<String> perPlatform, String growth, String baseline, boolean uncompressed,
                                                          String onBreach) {
        if (max == null && perPlatform.isEmpty() && growth == null) {
            return Optional.empty();
        }
        SizeGate.Limits limits = SizeGate.Limits.none().on(uncompressed ? SizeGate.Basis.UNCOMPRESSED : SizeGate.Basis.COMPRESSED);
        if (max != null) {
            limits = limits.withMax(ByteSize.parse(max));
        }
        for (Map.Entry<String, String> platform : KeyValues.pairs(perPlatform, "--max-platform-size").entrySet()) {
            limits = limits.withPlatformMax(platform.getKey(), ByteSize.parse(platform.getValue()));
        }
        if (growth != null) {
            if (baseline == null) {
                throw new io.jenkins.plugins.gocontainer.InvalidBuildRequestException("a growth limit needs a baseline image",
                    "growth is measured against a previous image, typically the last release", "add --size-baseline REPO:TAG (e.g. the latest release tag)");
            }
            limits = limits.withGrowth(GrowthLimit.parse(growth));
        }
        return Optional.of(new QualityGates.SizeCheck(limits, Optional.ofNullable(baseline).map(ImageReference::parse), OnBreach.parse(onBreach)));
    }
}
