package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Parses reports written by the real {@code go vet -json} on a module with planted problems. */
class GoVetReportTest {

    @TempDir
    Path module;

    @BeforeEach
    void writeModuleWithPlantedProblems() throws IOException {
        RequiredTools.require("go");
        write("go.mod", "module example.com/planted\n\ngo 1.26\n");
        write("main.go", """
            package main

            import "fmt"

            func main() {
            \tfmt.Printf("%d\\n", "not a number")
            \tvar x int
            \tx = x
            \tfmt.Println(x)
            }
            """);
        write("locks/locks.go", """
            package locks

            import "sync"

            type Guarded struct{ mu sync.Mutex }

            func Copy(g Guarded) {}
            """);
        write("clean/clean.go", "package clean\n\nfunc One() int { return 1 }\n");
    }

    @Test
    void readsEveryPlantedProblemFromStdout() throws Exception {
        Path report = goVet("vet.json", false);

        LintReport parsed = LintReportReader.read(report);

        assertThat(parsed.format()).isEqualTo(LintFormat.GO_VET_JSON);
        assertThat(parsed.tool()).isEqualTo("go vet");
        assertThat(parsed.findings())
            .extracting(Finding::file, Finding::line, Finding::column, Finding::rule, Finding::severity)
            .containsExactlyInAnyOrder(
                tuple(module.resolve("main.go").toString(), 6, 14, "printf", Severity.ERROR),
                tuple(module.resolve("main.go").toString(), 8, 2, "assign", Severity.ERROR),
                tuple(module.resolve("locks/locks.go").toString(), 7, 13, "copylocks", Severity.ERROR));
        assertThat(parsed.findings()).filteredOn(finding -> finding.rule().equals("assign"))
            .extracting(Finding::message).containsExactly("self-assignment of x");
    }

    @Test
    void readsStderrMixedInIncludingPackageHeadersAndCompileErrors() throws Exception {
        write("broken/broken.go", "package broken\n\nfunc Answer() int { return \"forty-two\" }\n");
        Path report = goVet("vet-all.txt", true);
        assertThat(Files.readString(report)).as("go vet wrote a package header for the broken package").contains("# example.com/planted/broken");

        LintReport parsed = LintReportReader.read(report);

        assertThat(parsed.format()).isEqualTo(LintFormat.GO_VET_JSON);
        assertThat(parsed.findings()).extracting(Finding::rule)
            .containsExactlyInAnyOrder("printf", "assign", "copylocks", GoVetJsonParser.TYPECHECK_RULE);
        assertThat(parsed.findings()).filteredOn(finding -> finding.rule().equals(GoVetJsonParser.TYPECHECK_RULE))
            .singleElement()
            .satisfies(finding -> {
                assertThat(finding.location()).isEqualTo("broken/broken.go:3:28");
                assertThat(finding.message()).contains("cannot use \"forty-two\"");
            });
    }

    @Test
    void aCleanModuleGivesAnEmptyReport() throws Exception {
        Files.delete(module.resolve("main.go"));
        Files.delete(module.resolve("locks/locks.go"));

        LintReport parsed = LintReportReader.read(goVet("vet.json", false));

        assertThat(parsed.format()).isEqualTo(LintFormat.GO_VET_JSON);
        assertThat(parsed.findings()).isEmpty();
    }

    @Test
    void aTruncatedGoVetReportSaysWhereItBroke() throws Exception {
        String whole = Files.readString(goVet("vet.json", false));
        String truncated = whole.substring(0, whole.indexOf("\"message\"") + 5);
        int lastLine = (int) truncated.lines().count();

        assertThatThrownBy(() -> LintReportReader.parse(truncated, "vet.json"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("vet.json is not valid go vet -json")
            .hasMessageContaining("at line " + lastLine + ",");
    }

    private Path goVet(String reportName, boolean withStderr) throws Exception {
        Path report = module.resolve(reportName);
        ProcessBuilder builder = new ProcessBuilder("go", "vet", "-json", "./...").directory(module.toFile());
        builder.environment().put("GOFLAGS", "-mod=mod");
        builder.environment().put("GOTOOLCHAIN", "local");
        builder.redirectOutput(report.toFile());
        if (withStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(module.resolve("vet.stderr").toFile());
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("go vet finished in time").isTrue();
        assertThat(Files.size(report)).as("go vet wrote a report").isPositive();
        return report;
    }

    private void write(String relative, String content) throws IOException {
        Path file = module.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
