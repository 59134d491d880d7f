package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command gocb builds, and the failures the real golangci-lint v2 cannot produce on demand
 * (a v1 binary, a run that writes no report), injected with small stand-in scripts.
 */
class GolangciLintTest {

    private final CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());

    @Test
    void commandRunsInTheModuleWithTheReportFlagOfItsFormatAndCachesUnderTheCacheDirectory(@TempDir Path dir) {
        GolangciLintRun run = GolangciLintRun.of(dir.resolve("svc"), dir.resolve("out/r.sarif"))
            .withFormat(GolangciLint.ReportFormat.SARIF).withCacheDirectory(dir.resolve("cache"))
            .withArguments(List.of("--enable=errcheck", "--max-same-issues=5"));

        Command command = new GolangciLint(runner).command(run);

        assertThat(command.argv()).startsWith("golangci-lint", "run", "--output.sarif.path=" + dir.resolve("out/r.sarif"))
            .contains("--max-issues-per-linter=0", "--issues-exit-code=1", "--allow-parallel-runners")
            .endsWith("--enable=errcheck", "--max-same-issues=5", "./...");
        assertThat(command.workingDirectory()).isEqualTo(dir.resolve("svc"));
        assertThat(command.environment())
            .containsEntry("GOLANGCI_LINT_CACHE", dir.resolve("cache/golangci-lint").toString())
            .containsEntry("GOCACHE", dir.resolve("cache/go-build").toString());
    }

    @Test
    void withoutCacheDirectoryTheEnvironmentIsLeftAlone(@TempDir Path dir) {
        Command command = new GolangciLint(runner).command(GolangciLintRun.of(dir, dir.resolve("r.json")).withPackages(List.of("./cmd/...")));

        assertThat(command.environment()).isEmpty();
        assertThat(command.argv()).contains("--output.json.path=" + dir.resolve("r.json")).endsWith("./cmd/...");
    }

    @Test
    void aMissingGolangciLintSaysToRunDevSetup(@TempDir Path dir) {
        GolangciLint lint = new GolangciLint(runner, dir.resolve("no-such/golangci-lint").toString());

        assertThatThrownBy(() -> lint.run(GolangciLintRun.of(dir, dir.resolve("r.json")), OutputSink.discard()))
            .isInstanceOf(CommandNotFoundException.class)
            .hasMessageContaining("./dev/setup")
            .hasMessageContaining(GolangciLint.PINNED_VERSION);
    }

    @Test
    void aVersionOneBinaryIsRecognisedByItsFlagError(@TempDir Path dir) throws Exception {
        Path v1 = script(dir, "echo 'Error: unknown flag: --output.json.path' >&2; exit 3");

        assertThatThrownBy(() -> new GolangciLint(runner, v1.toString()).run(GolangciLintRun.of(dir, dir.resolve("r.json")), OutputSink.discard()))
            .isInstanceOf(GolangciLintException.class)
            .hasMessageContaining("exit code 3")
            .hasMessageContaining("unknown flag: --output.json.path")
            .hasMessageContaining("is v1")
            .hasMessageContaining("./dev/setup");
    }

    @Test
    void issuesFoundWithoutAReportIsAnErrorNotAnEmptyResult(@TempDir Path dir) throws Exception {
        Path noReport = script(dir, "echo '3 issues:'; exit 1");

        assertThatThrownBy(() -> new GolangciLint(runner, noReport.toString()).run(GolangciLintRun.of(dir, dir.resolve("r.json")), OutputSink.discard()))
            .isInstanceOf(GolangciLintException.class)
            .hasMessageContaining("exited with 1 but wrote no report to " + dir.resolve("r.json"))
            .hasMessageContaining("3 issues:");
    }

    @Test
    void exitCodeOneWithAReportIsAResult(@TempDir Path dir) throws Exception {
        // Stands in for golangci-lint writing its report (the real run is GolangciLintIT): checks that exit 1 is not a failure.
        Path writer = script(dir, "for a in \"$@\"; do case $a in --output.json.path=*) printf '%s' "
            + "'{\"Issues\":[{\"FromLinter\":\"errcheck\",\"Text\":\"t\",\"Pos\":{\"Filename\":\"a.go\",\"Line\":3,\"Column\":2}}]}' > \"${a#*=}\";; esac; done; exit 1");

        LintReport report = new GolangciLint(runner, writer.toString()).run(GolangciLintRun.of(dir, dir.resolve("r.json")), OutputSink.discard());

        assertThat(report.findings()).extracting(Finding::rule, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple("errcheck", 3));
    }

    @Test
    void reportFormatsParseByName() {
        assertThat(GolangciLint.ReportFormat.parse("SARIF")).isEqualTo(GolangciLint.ReportFormat.SARIF);
        assertThatThrownBy(() -> GolangciLint.ReportFormat.parse("html")).isInstanceOf(GolangciLintException.class)
            .hasMessageContaining("json, checkstyle, sarif");
    }

    private static Path script(Path dir, String body) throws Exception {
        Path script = dir.resolve("fake-golangci-lint");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
