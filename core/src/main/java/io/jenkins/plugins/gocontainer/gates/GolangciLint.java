package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs golangci-lint v2 on a Go module and reads the report it writes.
 *
 * <p>Exit code 1 means "issues found", which is a result, not a failure: gating on findings is the
 * lint gate's job. Every other non-zero exit code, or a missing report, is a {@link GolangciLintException}
 * carrying the tool's last lines. Code that does not compile is reported by golangci-lint itself as
 * {@code typecheck} findings.
 *
 * <p>gocb always passes {@code --max-issues-per-linter=0 --max-same-issues=0} (a gate must count every
 * finding, not golangci-lint's first 50 per linter / 3 identical ones), {@code --issues-exit-code=1} and
 * {@code --allow-parallel-runners} (agents with several executors lint at the same time; the caches are
 * safe for that). The text output goes to the log, without colours.
 */
public final class GolangciLint {

    public static final String PROGRAM = "golangci-lint";
    /** The version dev/setup installs and the tests run. */
    public static final String PINNED_VERSION = "v2.15.0";

    static final String INSTALL_REMEDY = "run ./dev/setup, which installs golangci-lint " + PINNED_VERSION
        + " from the Go module proxy (go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@" + PINNED_VERSION
        + "), or put a golangci-lint v2 on the agent's PATH";

    private static final int ISSUES_FOUND = 1;

    /** The report formats golangci-lint v2 writes that {@link LintReportReader} reads. */
    public enum ReportFormat {
        JSON("json", LintFormat.GOLANGCI_LINT_JSON),
        CHECKSTYLE("checkstyle", LintFormat.CHECKSTYLE_XML),
        SARIF("sarif", LintFormat.SARIF);

        private final String printer;
        private final LintFormat lintFormat;

        ReportFormat(String printer, LintFormat lintFormat) {
            this.printer = printer;
            this.lintFormat = lintFormat;
        }

        /** The v2 flag that writes this format to a file, e.g. {@code --output.json.path}. */
        public String pathFlag() {
            return "--output." + printer + ".path";
        }

        /** The format {@link LintReportReader} detects in such a report. */
        public LintFormat lintFormat() {
            return lintFormat;
        }

        public static ReportFormat parse(String text) {
            for (ReportFormat format : values()) {
                if (format.printer.equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return format;
                }
            }
            throw new GolangciLintException("unknown golangci-lint report format '" + text + "'",
                "gocb reads golangci-lint's JSON, checkstyle and SARIF reports", "use one of: json, checkstyle, sarif");
        }

        @Override
        public String toString() {
            return printer;
        }
    }

    private final CommandRunner runner;
    private final String program;

    public GolangciLint(CommandRunner runner) {
        this(runner, PROGRAM);
    }

    /** @param program the golangci-lint to run: a name looked up on the PATH or a path */
    public GolangciLint(CommandRunner runner, String program) {
        this.runner = Objects.requireNonNull(runner, "runner").withMissingProgramRemedy(INSTALL_REMEDY);
        this.program = Objects.requireNonNull(program, "program");
    }

    /** The command {@link #run} executes, for logs and dry runs. */
    public Command command(GolangciLintRun run) {
        List<String> argv = new ArrayList<>(List.of(program, "run",
            run.format().pathFlag() + "=" + run.report().toAbsolutePath(),
            "--output.text.path=stdout",
            "--output.text.colors=false",
            "--max-issues-per-linter=0",
            "--max-same-issues=0",
            "--issues-exit-code=" + ISSUES_FOUND,
            "--allow-parallel-runners"));
        argv.addAll(run.arguments());
        argv.addAll(run.packages());
        Map<String, String> environment = new LinkedHashMap<>();
        if (run.cacheDirectory() != null) {
            Path cache = run.cacheDirectory().toAbsolutePath();
            environment.put("GOLANGCI_LINT_CACHE", cache.resolve("golangci-lint").toString());
            environment.put("GOCACHE", cache.resolve("go-build").toString());
        }
        return new Command(argv, environment, run.module().toAbsolutePath());
    }

    /**
     * Runs golangci-lint and returns the findings of the report it wrote.
     *
     * @param sink receives golangci-lint's output (its text report and log), masked
     */
    public LintReport run(GolangciLintRun run, OutputSink sink) throws IOException, InterruptedException {
        Path module = run.module().toAbsolutePath();
        if (!Files.isDirectory(module)) {
            throw new GolangciLintException("cannot lint " + module + ": it is not a directory",
                "the context must be the Go module's directory, the one with go.mod",
                "pass the service's module directory (e.g. --context .)");
        }
        Path report = run.report().toAbsolutePath();
        Files.deleteIfExists(report); // a report left by an earlier run must never pass for this one's
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        if (run.cacheDirectory() != null) {
            Files.createDirectories(run.cacheDirectory().toAbsolutePath().resolve("golangci-lint"));
            Files.createDirectories(run.cacheDirectory().toAbsolutePath().resolve("go-build"));
        }
        Command command = command(run);
        CommandResult result = runner.run(command, sink);
        int exit = result.exitCode();
        if (exit != 0 && exit != ISSUES_FOUND) {
            throw failure(command, result);
        }
        if (!Files.isRegularFile(report)) {
            throw new GolangciLintException(
                "golangci-lint exited with " + exit + " but wrote no report to " + report + "; its last lines:\n" + result.lastLinesText(),
                "an extra argument redirected the " + run.format() + " output elsewhere",
                "remove output.formats." + run.format() + ".path from .golangci.yml and the arguments: gocb chooses the report path");
        }
        return LintReportReader.read(report);
    }

    private GolangciLintException failure(Command command, CommandResult result) {
        String tail = result.lastLinesText();
        String problem = "golangci-lint failed (exit code " + result.exitCode() + ", " + meaning(result.exitCode())
            + ") in " + command.workingDirectory() + "; its last lines:\n" + tail;
        if (tail.contains("unknown flag: --output.") || tail.contains("unknown flag: --default")
            || tail.toLowerCase(Locale.ROOT).contains("has version 1.")) {
            return new GolangciLintException(problem,
                "the golangci-lint on the PATH is v1; gocb drives golangci-lint v2, whose flags differ",
                INSTALL_REMEDY);
        }
        return switch (result.exitCode()) {
            case 4 -> new GolangciLintException(problem,
                "the lint run exceeded the --timeout given to it (a cold cache makes the first run the slowest)",
                "raise --timeout, or keep the cache directory between runs");
            case 5 -> new GolangciLintException(problem,
                "the directory has no Go files in the packages given (wrong --context, or all files excluded by build tags)",
                "point gocb at the module directory, the one with go.mod and the service's .go files");
            case 7 -> new GolangciLintException(problem,
                "golangci-lint logged an error instead of linting: typically no go.mod in the directory, a package pattern"
                    + " matching nothing, or dependencies that are not available offline",
                "lint the module's root directory; make its dependencies available first (gocb's goModVendor / go mod download)");
            default -> new GolangciLintException(problem,
                "golangci-lint could not run: usually a broken .golangci.yml, an unknown linter or flag, or a Go toolchain problem",
                "fix the error golangci-lint printed above and run it again (golangci-lint config verify checks the configuration)");
        };
    }

    private static String meaning(int exitCode) {
        return switch (exitCode) {
            case 2 -> "warnings in test mode";
            case 3 -> "failure";
            case 4 -> "timeout";
            case 5 -> "no Go files to analyze";
            case 6 -> "no configuration file";
            case 7 -> "an error was logged";
            default -> exitCode > 128 ? "killed by signal " + (exitCode - 128) : "unexpected exit code";
        };
    }
}
