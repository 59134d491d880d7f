package io.jenkins.plugins.gocontainer.testing;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves that a pushed image runs, without a container engine: builds {@code FROM <image>} with a
 * {@code RUN} of the given exec-form command on the real builder, and returns what it printed.
 */
public final class ImageRun {

    private static final Pattern LOG_LINE = Pattern.compile("^#(\\d+) \\d+\\.\\d+ (.*)$");
    private static final Pattern STEP_LINE = Pattern.compile("^#(\\d+) \\[\\d+/\\d+\\] RUN .*");

    private ImageRun() {
    }

    public static List<String> run(RealEnvironment environment, String image, String... argv) throws IOException, InterruptedException {
        Path context = environment.newDirectory("run-");
        String exec = "[" + String.join(",", java.util.Arrays.stream(argv).map(a -> "\"" + a + "\"").toList()) + "]";
        Files.writeString(context.resolve("Dockerfile"), "FROM " + image + "\nRUN " + exec + "\n");
        List<String> output = new ArrayList<>();
        List<String> argvList = new ArrayList<>(List.of("buildctl"));
        argvList.addAll(environment.builder().buildctlOptions());
        argvList.addAll(List.of("build", "--frontend", "dockerfile.v0", "--no-cache", "--progress", "plain",
            "--local", "context=" + context, "--local", "dockerfile=" + context));
        CommandResult result = new CommandRunner(SecretMasker.none(), System.getenv()).run(Command.of(argvList), output::add);
        if (!result.succeeded()) {
            throw new AssertionError("running " + exec + " in " + image + " failed:\n" + String.join("\n", output));
        }
        String runStep = null;
        List<String> printed = new ArrayList<>();
        for (String line : output) {
            Matcher step = STEP_LINE.matcher(line);
            if (step.matches()) {
                runStep = step.group(1);
            }
            Matcher log = LOG_LINE.matcher(line);
            if (runStep != null && log.matches() && log.group(1).equals(runStep)) {
                printed.add(log.group(2));
            }
        }
        return printed;
    }
}
