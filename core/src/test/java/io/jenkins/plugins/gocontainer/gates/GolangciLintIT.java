package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real golangci-lint v2 on fixture modules, its reports read back in every format it writes. */
class GolangciLintIT {

    /** Explicit, so that results never change with golangci-lint's default linter set or a stray config file. */
    static final List<String> LINTERS = List.of("--no-config", "--default=none", "--enable=errcheck,ineffassign,govet,unused");

    /** One planted problem per linter; the expected line is found in the source by its marker. */
    static final String PLANTED = """
        package main

        import (
        \t"fmt"
        \t"os"
        )

        func unusedHelper() int { // unused
        \treturn 42
        }

        func main() {
        \tn := 1 // ineffassign
        \tn = 2
        \tfmt.Println(n)
        \tfmt.Printf("%d\\n", "text") // govet
        \tos.Remove("out.txt") // errcheck
        }
        """;

    static final String CLEAN = """
        package main

        import "fmt"

        func main() {
        \tfmt.Println("hello")
        }
        """;

    @TempDir
    static Path cache;

    @BeforeAll
    static void tools() {
        RequiredTools.require("golangci-lint", "go");
    }

    record Expected(String file, int line, String linter) {
    }

    static Path module(Path dir, String mainGo) throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/fixture\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), mainGo);
        return dir;
    }

    /** (main.go, line of "// linter", linter) for every marker in the source. */
    static Set<Expected> planted(String source) {
        Set<Expected> expected = new java.util.HashSet<>();
        List<String> lines = source.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int marker = lines.get(i).indexOf("// ");
            if (marker >= 0) {
                expected.add(new Expected("main.go", i + 1, lines.get(i).substring(marker + 3).trim()));
            }
        }
        return expected;
    }

    static Set<Expected> found(LintReport report) {
        return report.findings().stream().map(f -> new Expected(f.file(), f.line(), f.rule())).collect(Collectors.toSet());
    }

    private static LintReport lint(Path module, Path report, GolangciLint.ReportFormat format, List<String> log) throws Exception {
        GolangciLintRun run = GolangciLintRun.of(module, report).withFormat(format).withCacheDirectory(cache).withArguments(LINTERS);
        return new GolangciLint(new CommandRunner(SecretMasker.none(), System.getenv())).run(run, log::add);
    }

    @Test
    void theAgentHasThePinnedVersion() throws Exception {
        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(io.jenkins.plugins.gocontainer.exec.Command.of("golangci-lint", "version", "--short"));
        assertThat(lines).as("golangci-lint version --short").containsExactly(GolangciLint.PINNED_VERSION.substring(1));
    }

    @Test
    void plantedProblemsAreFoundAlikeInJsonCheckstyleAndSarif(@TempDir Path dir) throws Exception {
        Path module = module(Files.createDirectory(dir.resolve("planted")), PLANTED);
        Set<Expected> expected = planted(PLANTED);
        assertThat(expected).extracting(Expected::linter).containsExactlyInAnyOrder("unused", "ineffassign", "govet", "errcheck");

        List<LintReport> reports = new ArrayList<>();
        for (GolangciLint.ReportFormat format : GolangciLint.ReportFormat.values()) {
            Path report = dir.resolve("reports/report." + format);
            List<String> log = new ArrayList<>();
            LintReport parsed = lint(module, report, format, log);

            assertThat(parsed.format()).as(format + " report").isEqualTo(format.lintFormat());
            assertThat(LintReportReader.read(report).format()).as("detected from the file's content").isEqualTo(format.lintFormat());
            assertThat(found(parsed)).as(format + " findings; log:\n" + String.join("\n", log)).isEqualTo(expected);
            assertThat(parsed.findings()).allSatisfy(f -> {
                assertThat(f.column()).isPositive();
                assertThat(f.message()).isNotBlank();
            });
            assertThat(log).as("the text output goes to the log").anySatisfy(line -> assertThat(line).contains("(errcheck)"));
            reports.add(parsed);
        }
        // The same findings, message and column included, whichever format carried them.
        Set<Finding> json = Set.copyOf(reports.get(0).findings());
        assertThat(Set.copyOf(reports.get(1).findings())).isEqualTo(json);
        assertThat(Set.copyOf(reports.get(2).findings())).isEqualTo(json);
        assertThat(reports.get(0).tool()).isEqualTo("golangci-lint");
        assertThat(reports.get(2).tool()).isEqualTo("golangci-lint");
    }

    @Test
    void aCleanModuleGivesAnEmptyReport(@TempDir Path dir) throws Exception {
        Path module = module(Files.createDirectory(dir.resolve("clean")), CLEAN);
        Path report = dir.resolve("clean.json");

        LintReport parsed = lint(module, report, GolangciLint.ReportFormat.JSON, new ArrayList<>());

        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.format()).isEqualTo(LintFormat.GOLANGCI_LINT_JSON);
        assertThat(Files.readString(report, StandardCharsets.UTF_8).replaceAll("\\s", "")).contains("\"Issues\":[]");
    }

    @Test
    void aStaleReportIsReplacedNeverReused(@TempDir Path dir) throws Exception {
        Path module = module(Files.createDirectory(dir.resolve("clean")), CLEAN);
        Path report = dir.resolve("old.json");
        Files.writeString(report, "{\"Issues\":[{\"FromLinter\":\"stale\",\"Text\":\"from yesterday\",\"Pos\":{\"Filename\":\"x.go\",\"Line\":1}}]}");

        LintReport parsed = lint(module, report, GolangciLint.ReportFormat.JSON, new ArrayList<>());

        assertThat(parsed.findings()).isEmpty();
        assertThat(Files.readString(report)).doesNotContain("from yesterday");
    }

    @Test
    void codeThatDoesNotCompileIsReportedAsTypecheckFindings(@TempDir Path dir) throws Exception {
        String broken = "package main\n\nfunc main() {\n\tn := 1\n}\n";
        Path module = module(Files.createDirectory(dir.resolve("broken")), broken);

        LintReport parsed = lint(module, dir.resolve("broken.json"), GolangciLint.ReportFormat.JSON, new ArrayList<>());

        assertThat(parsed.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.rule()).isEqualTo("typecheck"));
        assertThat(parsed.findings()).anySatisfy(f -> assertThat(f.message()).contains("declared and not used"));
    }

    @Test
    void aDirectoryWithoutAModuleIsAClearErrorWithTheToolsLastLines(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> lint(empty, dir.resolve("none.json"), GolangciLint.ReportFormat.JSON, new ArrayList<>()))
            .isInstanceOf(GolangciLintException.class)
            .hasMessageContaining("golangci-lint failed (exit code")
            .hasMessageContaining("does not contain main module")
            .hasMessageContaining("Fix: ");
    }
}
