package io.jenkins.plugins.gocontainer.gates;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One {@code golangci-lint run}: what to lint, where the report goes and in which format, where the
 * caches live, and which extra flags to pass. Immutable.
 *
 * @param module         the Go module directory (with go.mod); golangci-lint runs there, so report paths are relative to it
 * @param report         the report file to write; replaced on every run
 * @param format         the report's format
 * @param cacheDirectory where golangci-lint's and Go's build caches go ({@code golangci-lint/}, {@code go-build/});
 *                       {@code null} keeps the caller's environment (GOLANGCI_LINT_CACHE, GOCACHE, or the defaults under HOME).
 *                       Keep it between runs (a workspace cache) and repeated runs take seconds.
 * @param arguments      extra flags for {@code golangci-lint run}, after gocb's own so they win,
 *                       e.g. {@code --default=none}, {@code --enable=errcheck,govet}, {@code --config=FILE}
 * @param packages       the package patterns to lint ({@code ./...} when empty)
 */
public record GolangciLintRun(Path module, Path report, GolangciLint.ReportFormat format, Path cacheDirectory,
                              List<String> arguments, List<String> packages) {

    public GolangciLintRun {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(report, "report");
        format = format == null ? GolangciLint.ReportFormat.JSON : format;
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        packages = List.copyOf(packages == null || packages.isEmpty() ? List.of("./...") : packages);
    }

    /** Lints every package of {@code module} into a JSON report, with the caller's caches. */
    public static GolangciLintRun of(Path module, Path report) {
        return new GolangciLintRun(module, report, GolangciLint.ReportFormat.JSON, null, List.of(), List.of());
    }

    public GolangciLintRun withFormat(GolangciLint.ReportFormat newFormat) {
        return new GolangciLintRun(module, report, newFormat, cacheDirectory, arguments, packages);
    }

    public GolangciLintRun withReport(Path newReport) {
        return new GolangciLintRun(module, newReport, format, cacheDirectory, arguments, packages);
    }

    public GolangciLintRun withCacheDirectory(Path directory) {
        return new GolangciLintRun(module, report, format, directory, arguments, packages);
    }

    public GolangciLintRun withArguments(List<String> extra) {
        return new GolangciLintRun(module, report, format, cacheDirectory, extra, packages);
    }

    public GolangciLintRun withPackages(List<String> patterns) {
        return new GolangciLintRun(module, report, format, cacheDirectory, arguments, patterns);
    }
}
