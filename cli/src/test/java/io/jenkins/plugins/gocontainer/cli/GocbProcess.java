package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged gocb jar as its own process, exactly as users run it. */
final class GocbProcess {

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private GocbProcess() {
    }

    static Path jar() {
        Path jar = ProjectLayout.root().resolve("cli/target/gocb.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the CLI jar is missing: run the integration tests through 'mvn verify' (./dev/test), which packages it first");
        }
        return jar;
    }

    static ProcessBuilder builder(Map<String, String> environment, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().remove("BUILDKIT_HOST");
        builder.environment().putAll(environment);
        return builder;
    }

    static Outcome run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return runIn(null, environment, args);
    }

    /** As {@link #run}, in {@code directory} (the workspace gocb resolves relative paths in); {@code null} for this JVM's. */
    static Outcome runIn(Path directory, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("gocb-out-", ".txt");
        Path stderr = Files.createTempFile("gocb-err-", ".txt");
        try {
            Process process = builder(environment, args).directory(directory == null ? null : directory.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("gocb " + String.join(" ", args) + " did not finish within 5 minutes");
            }
            return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
