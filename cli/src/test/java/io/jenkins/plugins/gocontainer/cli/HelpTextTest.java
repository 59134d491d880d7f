package io.jenkins.plugins.gocontainer.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's --help renders without "[picocli WARN] Could not format ...", which picocli
 * prints on stderr for a description it cannot format (an unescaped '%'). Each runs in a JVM of its
 * own: picocli's tracer keeps the stderr it started with.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAWarning() throws Exception {
        List<List<String>> commands = new ArrayList<>();
        collect(Gocb.commandLine(), new ArrayList<>(), commands);
        List<String> warned = new ArrayList<>();

        for (List<String> command : commands) {
            String stderr = help(command);
            if (stderr.contains("picocli WARN")) {
                warned.add(String.join(" ", command) + ": " + stderr.lines().findFirst().orElse(""));
            }
        }

        assertThat(commands).as("gocb and its subcommands").hasSizeGreaterThan(10);
        assertThat(warned).isEmpty();
    }

    /** Every command path below gocb: [], [build], [gate, size], ... */
    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, into);
            }
        });
    }

    private static String help(List<String> command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Gocb.class.getName()));
        argv.addAll(command);
        argv.add("--help");
        Process process = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gocb " + command + " --help finished").isTrue();
        return stderr;
    }
}
