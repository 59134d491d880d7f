package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** gocb gate lint|size and the gate flags of gocb build, without a registry. */
class GateCommandTest {

    private static final String ONE_FINDING = "{\"Issues\":[{\"FromLinter\":\"errcheck\",\"Text\":\"Error return value of `f.Close` is not checked\","
        + "\"Severity\":\"\",\"Pos\":{\"Filename\":\"main.go\",\"Line\":12,\"Column\":9}}],\"Report\":{}}";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int gocb(String... args) {
        var commandLine = Gocb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void anyFindingFailsTheLintGateByDefaultAndTheJunitReportSaysWhy() throws Exception {
        Path report = Files.writeString(dir.resolve("lint.json"), ONE_FINDING);
        Path junit = dir.resolve("reports/gates.xml");

        assertThat(gocb("gate", "lint", "--report", report.toString(), "--junit", junit.toString())).isEqualTo(ExitCodes.GATE_FAILED);

        assertThat(out.toString()).contains("lint").contains("FAILED").contains("errcheck");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(xml.getElementsByTagName("failure").item(0).getTextContent()).contains("main.go");
    }

    @Test
    void limitsAndTheBreachOutcomeAreTheUsersChoice() throws Exception {
        Path report = Files.writeString(dir.resolve("lint.json"), ONE_FINDING);

        assertThat(gocb("gate", "lint", "--report", report.toString(), "--max-issues", "1")).isEqualTo(ExitCodes.OK);
        assertThat(gocb("gate", "lint", "--report", report.toString(), "--max-severity", "error=0", "--on-breach", "unstable"))
            .isEqualTo(ExitCodes.GATE_UNSTABLE);
        assertThat(gocb("gate", "lint", "--report", report.toString(), "--max-per-linter", "govet=0")).isEqualTo(ExitCodes.OK);
        assertThat(gocb("gate", "lint", "--report", report.toString(), "--max-per-linter", "errcheck=0", "--format", "json"))
            .isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(out.toString()).contains("\"outcome\" : \"failed\"");
    }

    @Test
    void badGateInputIsBadInputWithTheFix() throws Exception {
        assertThat(gocb("gate", "lint", "--report", dir.resolve("missing.json").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(dir.resolve("missing.json").toString());

        assertThat(gocb("gate", "size", "--max", "25MB")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("give exactly one of --image and --oci");

        assertThat(gocb("gate", "size", "--image", "127.0.0.1:1/app:1", "--max", "25 parsecs")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("invalid size '25 parsecs'");

        assertThat(gocb("gate", "size", "--image", "127.0.0.1:1/app:1", "--max", "-5MB")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("negative");

        assertThat(gocb("gate", "size", "--image", "127.0.0.1:1/app:1", "--max-growth", "10%")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--size-baseline");
    }

    @Test
    void gatesOnABuildWithExplicitTagsAreRefusedBecauseTheTagsWouldBePushedFirst() {
        assertThat(gocb("build", "-C", ProjectLayout.example("hello").toString(), "--dry-run", "--addr", "unix:///x.sock",
            "-t", "127.0.0.1:5000/team/hello:1.0.0", "--max-image-size", "25MB")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("quality gates need a repository without tag");
    }
}
