package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gocb vendor}'s bad input, in-process; no go command runs. */
class VendorCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vendor(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new VendorCommand(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static Path module(Path dir) throws Exception {
        Files.writeString(dir.resolve("go.mod"), "module example.com/svc\n\ngo 1.26\n");
        return dir;
    }

    @Test
    void anUnknownModeIsBadInputListingTheModes(@TempDir Path dir) throws Exception {
        int exit = vendor(Map.of(), "--context", module(dir).toString(), "--mode", "copy", "--format", "json");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("gocb: error: unknown module mode 'copy'").contains("use one of: vendor, download");
        Map<?, ?> error = (Map<?, ?>) Json.parseObject(out.toString()).get("error");
        assertThat(error.get("type")).isEqualTo("InvalidVendorRequestException");
        assertThat(error.get("remedy")).isEqualTo("use one of: vendor, download");
    }

    @Test
    void aMissingContextIsBadInput(@TempDir Path dir) {
        int exit = vendor(Map.of(), "--context", dir.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("the context " + dir.resolve("nowhere") + " is not a directory");
        assertThat(out.toString()).as("human format: nothing on stdout").isEmpty();
    }

    @Test
    void aContextWithoutGoModIsBadInput(@TempDir Path dir) {
        assertThat(vendor(Map.of(), "-C", dir.toString(), "--mode", "vendor")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("there is no go.mod in " + dir);
    }

    @Test
    void aMissingGoIsAMissingTool(@TempDir Path dir) throws Exception {
        int exit = vendor(Map.of("PATH", dir.resolve("empty").toString()), "-C", module(dir).toString(), "--format", "json");

        assertThat(exit).isEqualTo(ExitCodes.BUILDER_UNAVAILABLE);
        assertThat(err.toString()).contains("cannot run 'go'").contains("install Go 1.26 or newer").contains("--go");
        assertThat(Json.parseObject(out.toString())).containsKey("error");
    }

    @Test
    void helpDescribesBothModes() {
        assertThat(vendor(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("--mode").contains("GOPROXY=file://").contains("-mod=vendor").contains("--module-cache");
    }
}
