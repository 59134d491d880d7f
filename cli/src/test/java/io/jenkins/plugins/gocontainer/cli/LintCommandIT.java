package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.LintFormat;
import io.jenkins.plugins.gocontainer.gates.LintReport;
import io.jenkins.plugins.gocontainer.gates.LintReportReader;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gocb lint} running the real golangci-lint v2, in-process through gocb's command tree and as the packaged jar. */
class LintCommandIT {

    private static final List<String> LINTERS = List.of("--", "--no-config", "--default=none", "--enable=errcheck,ineffassign,govet,unused");

    /** Three problems, each for a different linter. */
    private static final String PLANTED = "package main\n\nimport \"os\"\n\nfunc unusedHelper() {}\n\n"
        + "func main() {\n\tn := 1\n\tn = 2\n\tos.Exit(n)\n\tos.Remove(\"x\")\n}\n";

    @TempDir
    static Path cache;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void tools() {
        RequiredTools.require("golangci-lint", "go");
    }

    private int gocb(List<String> args) {
        String[] argv = args.toArray(String[]::new);
        CommandLine commandLine = Gocb.commandLine(argv);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(argv);
    }

    private static List<String> lintArgs(String... options) {
        List<String> args = new ArrayList<>(List.of("lint", "--cache-dir", cache.toString()));
        args.addAll(List.of(options));
        args.addAll(LINTERS);
        return args;
    }

    private static Path module(Path dir, String mainGo) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module example.com/svc\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), mainGo);
        return dir;
    }

    @Test
    void jsonSummaryCountsTheReportsFindingsAndExitsZeroDespiteThem(@TempDir Path dir) throws Exception {
        Path module = module(dir.resolve("svc"), PLANTED);
        Path report = dir.resolve("out/lint.json");

        int exit = gocb(lintArgs("--context", module.toString(), "--report", report.toString(), "--format", "json"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        LintReport written = LintReportReader.read(report);
        assertThat(written.format()).isEqualTo(LintFormat.GOLANGCI_LINT_JSON);
        assertThat(written.findings()).extracting(f -> f.rule()).containsExactlyInAnyOrder("unused", "ineffassign", "errcheck");
        Map<String, Object> summary = Json.parseObject(out.toString());
        assertThat(summary.get("report")).isEqualTo(report.toString());
        assertThat(((Number) summary.get("findings")).intValue()).isEqualTo(written.findings().size());
        assertThat(summary.get("byLinter")).isEqualTo(Map.of("errcheck", 1L, "ineffassign", 1L, "unused", 1L));
        assertThat(summary.get("bySeverity")).isEqualTo(Map.of("error", 3L));
        assertThat(err.toString()).as("golangci-lint's own output goes to stderr").contains("golangci-lint run").contains("(errcheck)");
    }

    @Test
    void humanSummaryOfACleanModuleAndACheckstyleReport(@TempDir Path dir) throws Exception {
        Path module = module(dir.resolve("clean"), "package main\n\nfunc main() {}\n");
        Path report = dir.resolve("lint.xml");

        int exit = gocb(lintArgs("-C", module.toString(), "--report", report.toString(), "--report-format", "checkstyle"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(LintReportReader.read(report).format()).isEqualTo(LintFormat.CHECKSTYLE_XML);
        assertThat(out.toString()).startsWith("0 findings in " + report).doesNotContain("by linter");
    }

    @Test
    void aMissingGolangciLintSaysToRunDevSetup(@TempDir Path dir) throws Exception {
        Path module = module(dir.resolve("svc"), PLANTED);

        int exit = gocb(lintArgs("-C", module.toString(), "--report", dir.resolve("r.json").toString(),
            "--golangci-lint", dir.resolve("missing/golangci-lint").toString(), "--format", "json"));

        assertThat(exit).isEqualTo(ExitCodes.BUILDER_UNAVAILABLE);
        assertThat(err.toString()).contains("./dev/setup");
        assertThat(Json.parseObject(out.toString())).containsKey("error");
    }

    @Test
    void thePackagedJarWritesGolangciLintJsonInTheCurrentDirectoryByDefault(@TempDir Path dir) throws Exception {
        Path module = module(dir.resolve("svc"), PLANTED);
        Path work = Files.createDirectory(dir.resolve("work"));
        List<String> args = lintArgs("--context", module.toString());
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");

        Process process = GocbProcess.builder(Map.of(), args.toArray(String[]::new)).directory(work.toFile())
            .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("gocb lint finished").isTrue();

        assertThat(process.exitValue()).as(Files.readString(stderr)).isEqualTo(ExitCodes.OK);
        Path report = work.resolve("golangci-lint.json");
        assertThat(LintReportReader.read(report).findings()).hasSize(3);
        assertThat(Files.readString(stdout)).startsWith("3 findings in " + report).contains("by linter:");
    }
}
