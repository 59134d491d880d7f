package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.operations.GateSettings;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The quality gates of {@code gocb build}: judged on the pushed candidate before moving tags are added. */
final class BuildGateOptions {

    @Option(names = "--max-image-size", paramLabel = "SIZE", description = "size gate: largest allowed image, e.g. 25MB, 24MiB (compressed unless --uncompressed-size)")
    String maxImageSize;

    @Option(names = "--max-platform-size", paramLabel = "OS/ARCH=SIZE", description = "size gate: limit for one platform; repeatable")
    List<String> maxPlatformSize = new ArrayList<>();

    @Option(names = "--max-image-growth", paramLabel = "PCT", description = "size gate: largest allowed growth against --size-baseline, e.g. 10%%")
    String maxGrowth;

    @Option(names = "--size-baseline", paramLabel = "REF", description = "size gate: the image to compare with, e.g. the previous release tag")
    String sizeBaseline;

    @Option(names = "--uncompressed-size", description = "size gate: limit the unpacked size instead of the compressed size")
    boolean uncompressed;

    @Option(names = "--size-on-breach", paramLabel = "OUTCOME", defaultValue = "fail", description = "size gate: unstable or fail (default: ${DEFAULT-VALUE})")
    String sizeOnBreach;

    @Option(names = "--lint-report", paramLabel = "FILE", description = "lint gate: a report (golangci-lint JSON, checkstyle, SARIF, go vet -json, staticcheck)")
    Path lintReport;

    @Option(names = "--max-lint-issues", paramLabel = "N", description = "lint gate: most findings allowed (default with a report and no limits: 0)")
    Integer maxLintIssues;

    @Option(names = "--max-lint-severity", paramLabel = "SEVERITY=N", description = "lint gate: most findings of a severity; repeatable")
    List<String> maxLintSeverity = new ArrayList<>();

    @Option(names = "--max-lint-per-linter", paramLabel = "LINTER=N", description = "lint gate: most findings of one linter; repeatable")
    List<String> maxLintPerLinter = new ArrayList<>();

    @Option(names = "--lint-baseline", paramLabel = "FILE", description = "lint gate: count only findings not in this earlier report")
    Path lintBaseline;

    @Option(names = "--lint-on-breach", paramLabel = "OUTCOME", defaultValue = "fail", description = "lint gate: unstable or fail (default: ${DEFAULT-VALUE})")
    String lintOnBreach;

    @Mixin
    GateReportOptions files;

    GateSettings settings() {
        return new GateSettings(maxImageSize == null ? null : ByteSize.parse(maxImageSize), SizeGateOptions.perPlatform(maxPlatformSize),
            maxGrowth == null ? null : GrowthLimit.parse(maxGrowth), sizeBaseline == null ? null : ImageReference.parse(sizeBaseline), uncompressed,
            OnBreach.parse(sizeOnBreach), BuilderOptions.text(lintReport), maxLintIssues,
            LintGateOptions.perSeverity(maxLintSeverity, "--max-lint-severity"), LintGateOptions.perLinter(maxLintPerLinter, "--max-lint-per-linter"),
            BuilderOptions.text(lintBaseline), OnBreach.parse(lintOnBreach), BuilderOptions.text(files.json), BuilderOptions.text(files.junit));
    }
}
