package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.operations.GateSettings;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns size-gate flag values into core's gate settings; shared by {@code gocb build} and {@code gocb gate size}. */
final class SizeGateOptions {

    private SizeGateOptions() {
    }

    /** {@code OS/ARCH=SIZE} values as limits per platform. */
    static Map<String, ByteSize> perPlatform(List<String> values) {
        Map<String, ByteSize> limits = new LinkedHashMap<>();
        KeyValues.pairs(values, "--max-platform-size").forEach((platform, size) -> limits.put(platform, ByteSize.parse(size)));
        return limits;
    }

    /** The size check of {@code gocb gate size}: the same settings, and the same refusals, as the build's size gate. */
    static Optional<QualityGates.SizeCheck> check(String max, List<String> perPlatform, String growth, String baseline, boolean uncompressed,
                                                  String onBreach) {
        GateSettings settings = new GateSettings(max == null ? null : ByteSize.parse(max), perPlatform(perPlatform),
            growth == null ? null : GrowthLimit.parse(growth), baseline == null ? null : ImageReference.parse(baseline), uncompressed,
            OnBreach.parse(onBreach), null, null, Map.of(), Map.of(), null, OnBreach.FAILED, null, null);
        return settings.gates(OperationContext.of(Path.of("").toAbsolutePath(), Map.of(), OutputSink.discard())).size();
    }
}
