package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.gates.Finding;
import io.jenkins.plugins.gocontainer.gates.GolangciLint;
import io.jenkins.plugins.gocontainer.gates.GolangciLintRun;
import io.jenkins.plugins.gocontainer.gates.LintReport;
import io.jenkins.plugins.gocontainer.gates.Severity;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code gocb lint}: runs golangci-lint v2 on the service and writes its report, for {@code gocb gate lint}. */
@Command(name = "lint", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Runs golangci-lint v2 on the Go module in DIR and writes its report (every finding: no per-linter cap).",
        "Exits 0 when the linter ran, findings or not: gate on them with 'gocb gate lint --report FILE'.",
        "Arguments after -- go to 'golangci-lint run', e.g. -- --default=none --enable=errcheck,govet"})
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the Go module to lint, with go.mod (default: .)")
    Path context;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "golangci-lint.json",
        description = "the report to write, relative to the current directory (default: ${DEFAULT-VALUE})")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "json",
        description = "the report's format: json, checkstyle or sarif (default: ${DEFAULT-VALUE})")
    String reportFormat;

    @Option(names = "--cache-dir", paramLabel = "DIR",
        description = "keep golangci-lint's and Go's caches here (GOLANGCI_LINT_CACHE, GOCACHE); default: the environment's")
    Path cacheDirectory;

    @Option(names = "--golangci-lint", paramLabel = "PROGRAM", defaultValue = GolangciLint.PROGRAM,
        description = "the golangci-lint v2 to run (default: ${DEFAULT-VALUE} from the PATH)")
    String program;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "summary on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "extra arguments for golangci-lint run (after --)")
    List<String> lintArguments = new ArrayList<>();

    @Override
    public Integer call() {
        return OperationCall.run(spec, format, false, System.getenv(), "lint cancelled; golangci-lint was stopped", (operation, out, err) -> {
            GolangciLintRun run = new GolangciLintRun(context, report, GolangciLint.ReportFormat.parse(reportFormat),
                cacheDirectory, lintArguments, List.of());
            GolangciLint lint = new GolangciLint(operation.runner(), program);
            operation.log().line("gocb: " + lint.command(run).toCommandLine());
            print(lint.run(run, operation.log()), out);
            return ExitCodes.OK;
        });
    }

    private void print(LintReport result, PrintWriter out) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            int count = (int) result.findings().stream().filter(f -> f.severity() == severity).count();
            if (count > 0) {
                bySeverity.put(severity.label(), count);
            }
        }
        Map<String, Integer> byLinter = new TreeMap<>();
        for (Finding finding : result.findings()) {
            byLinter.merge(finding.rule(), 1, Integer::sum);
        }
        String reportPath = report.toAbsolutePath().normalize().toString();
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("report", reportPath);
            json.put("format", result.format().displayName());
            json.put("findings", result.findings().size());
            json.put("bySeverity", bySeverity);
            json.put("byLinter", byLinter);
            out.println(Json.write(json));
        } else {
            int total = result.findings().size();
            out.println(total + (total == 1 ? " finding" : " findings") + " in " + reportPath + " (" + result.producer() + ")");
            if (total > 0) {
                out.println("by severity:");
                bySeverity.forEach((severity, count) -> out.printf("  %-12s %d%n", severity, count));
                out.println("by linter:");
                byLinter.forEach((linter, count) -> out.printf("  %-12s %d%n", linter, count));
            }
        }
        out.flush();
    }
}
