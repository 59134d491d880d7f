package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool (git, ssh-keygen, go, ssh) for a fixture or a test with exactly the environment
 * given, so that nothing of the user's own configuration leaks in, and a time limit after which
 * the tool and its children are killed.
 */
public final class FixtureCommand {

    /** What a command printed (stdout and stderr interleaved) and how it ended. */
    public record Result(List<String> argv, int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result, or an IOException naming the command and quoting its output. */
        public Result orThrow() throws IOException {
            if (!succeeded()) {
                throw new IOException(String.join(" ", argv) + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private FixtureCommand() {
    }

    /** Runs {@code argv} in {@code directory} with only {@code environment} (plus the caller's PATH when it has none). */
    public static Result run(Path directory, Map<String, String> environment, List<String> argv) throws IOException, InterruptedException {
        return run(directory, environment, argv, DEFAULT_TIMEOUT);
    }

    public static Result run(Path directory, Map<String, String> environment, List<String> argv, Duration timeout)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        builder.environment().putAll(environment);
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return ("<output unreadable: " + e + ">").getBytes(StandardCharsets.UTF_8);
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            ProcessTree.stop(process.toHandle());
            throw new IOException(String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
        }
        try {
            return new Result(List.copyOf(argv), process.exitValue(), new String(output.get(), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + argv, e);
        }
    }
}
