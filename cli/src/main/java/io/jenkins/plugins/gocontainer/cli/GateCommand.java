package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportFiles;
import io.jenkins.plugins.gocontainer.gates.GateReportJson;
import io.jenkins.plugins.gocontainer.gates.GateReportTable;
import io.jenkins.plugins.gocontainer.gates.ImageSize;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code gocb gate size|lint}: judges an image or a lint report on its own, outside a build. */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = {"Judges an image's size or a lint report against limits.",
        "Exit code 0 when every gate passes, 5 when one is unstable, 3 when one fails."})
final class GateCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", scope = picocli.CommandLine.ScopeType.INHERIT,
        description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--gate-json", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT, description = "write the gate results as JSON")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
        description = "write the gate results as JUnit XML (one test case per gate), for Jenkins' junit step")
    Path junit;

    @Command(name = "size", mixinStandardHelpOptions = true, description = "Measures an image (compressed by default) and checks it against limits.")
    int size(
        @Option(names = "--image", paramLabel = "REF", description = "the image in a registry (tag or digest)") String image,
        @Option(names = "--oci", paramLabel = "PATH", description = "an OCI image layout, as a tar or a directory") Path oci,
        @Option(names = "--max", paramLabel = "SIZE", description = "largest allowed size, e.g. 25MB, 24MiB, 1.5 GB") String max,
        @Option(names = "--max-platform-size", paramLabel = "OS/ARCH=SIZE", description = "limit for one platform of an index; repeatable") List<String> perPlatform,
        @Option(names = "--max-growth", paramLabel = "PCT", description = "largest allowed growth against --baseline, e.g. 10%%") String growth,
        @Option(names = "--baseline", paramLabel = "REF", description = "the image to compare with, e.g. the previous release tag") String baseline,
        @Option(names = "--uncompressed", description = "limit the unpacked size instead of the compressed (pull) size") boolean uncompressed,
        @Option(names = "--on-breach", paramLabel = "OUTCOME", defaultValue = "fail", description = "unstable or fail (default: ${DEFAULT-VALUE})") String onBreach,
        @Mixin RegistryOptions registry) {
        return run(() -> {
            QualityGates.SizeCheck check = SizeGateOptions.check(max, nullToEmpty(perPlatform), growth, baseline, uncompressed, onBreach)
                .orElseThrow(() -> new InvalidBuildRequestException("no size limit was given", "the size gate needs something to check",
                    "pass --max SIZE, --max-platform-size OS/ARCH=SIZE or --max-growth PCT with --baseline REF"));
            if ((image == null) == (oci == null)) {
                throw new InvalidBuildRequestException("give exactly one of --image and --oci", "the size gate measures one image",
                    "pass --image REGISTRY/REPO:TAG, or --oci PATH for an OCI layout tar or directory");
            }
            if (oci != null) {
                if (check.baseline().isPresent()) {
                    throw new InvalidBuildRequestException("--baseline needs --image", "the baseline is read from the registry", "measure a pushed image with --image");
                }
                ImageSize measured = ImageSize.fromOciLayout(oci, uncompressed);
                return new GateReport(List.of(SizeGate.evaluate(measured, Optional.empty(), check.limits(), check.onBreach(), QualityGates.TOP_OFFENDERS)));
            }
            return new QualityGates(Optional.of(check), Optional.empty()).evaluate(registry.client(System.getenv()), ImageReference.parse(image));
        });
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Checks a lint report (golangci-lint JSON, checkstyle, SARIF, go vet -json, staticcheck) against limits; without limits, any finding breaches.")
    int lint(
        @Option(names = "--report", required = true, paramLabel = "FILE", description = "the report; its format is detected from its content") Path report,
        @Option(names = "--max-issues", paramLabel = "N", description = "most findings allowed") Integer maxIssues,
        @Option(names = "--max-severity", paramLabel = "SEVERITY=N", description = "most findings of a severity (error, warning, info); repeatable") List<String> perSeverity,
        @Option(names = "--max-per-linter", paramLabel = "LINTER=N", description = "most findings of one linter or rule; repeatable") List<String> perLinter,
        @Option(names = "--baseline", paramLabel = "FILE", description = "count only findings not in this earlier report (matched by file, rule and message)") Path baseline,
        @Option(names = "--on-breach", paramLabel = "OUTCOME", defaultValue = "fail", description = "unstable or fail (default: ${DEFAULT-VALUE})") String onBreach) {
        return run(() -> new QualityGates(Optional.empty(),
            LintGateOptions.check(report, maxIssues, nullToEmpty(perSeverity), nullToEmpty(perLinter), baseline, onBreach)).evaluateLint()
            .map(result -> new GateReport(List.of(result))).orElseThrow());
    }

    @FunctionalInterface
    private interface Evaluation {
        GateReport evaluate() throws InterruptedException;
    }

    private int run(Evaluation evaluation) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            GateReportFiles.requireReplaceable(json, "gateJson", junit, "junit");
            GateReport report = evaluation.evaluate();
            GateReportFiles.write(report, json, junit);
            out.print(format == OutputFormat.json ? GateReportJson.render(report) + System.lineSeparator() : GateReportTable.render(report));
            out.flush();
            return ExitCodes.of(report.outcome());
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    private static List<String> nullToEmpty(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }
}
