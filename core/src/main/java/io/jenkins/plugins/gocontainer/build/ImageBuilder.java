package io.jenkins.plugins.gocontainer.build;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Executes a {@link BuildPlan} with a {@link BuildDriver}: writes the generated Dockerfile (if
 * any) into a private temporary directory, runs the client with its output streamed through the
 * masker, and returns the {@link BuildResult} or the most specific failure. The temporary
 * directory is removed whatever happens.
 */
public final class ImageBuilder {

    private static final String PLACEHOLDER_DIR = "$GOCB_TMP";

    private final BuildDriver driver;
    private final CommandRunner runner;

    public ImageBuilder(BuildDriver driver, CommandRunner runner) {
        this.driver = driver;
        this.runner = runner.withMissingProgramRemedy("install the BuildKit clients with ./dev/setup (buildctl " + "and buildx)");
    }

    public BuildDriver driver() {
        return driver;
    }

    public BuildResult build(BuildPlan plan, OutputSink sink) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("gocb-build-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path dockerfile = plan.dockerfile() instanceof DockerfileSource.Existing existing
                ? existing.file()
                : Files.writeString(work.resolve("Dockerfile"), ((DockerfileSource.Generated) plan.dockerfile()).content());
            BuildFiles files = new BuildFiles(dockerfile, work.resolve("metadata.json"));
            Command command = driver.buildCommand(plan, files);
            sink.line(runner.masker().mask("gocb: " + driver.name() + " on " + driver.builderDescription()));
            ProgressLog progress = new ProgressLog();
            CommandResult result = runner.run(command, line -> {
                progress.line(line);
                sink.line(line);
            });
            if (!result.succeeded()) {
                throw BuildFailureClassifier.classify(plan, driver, progress, result);
            }
            return BuildMetadata.read(files.metadataFile(), plan);
        } finally {
            deleteRecursively(work);
        }
    }

    /** The plan and the exact command a build would run, with every registered secret masked. */
    public String dryRun(BuildPlan plan) {
        Path dockerfile = plan.dockerfile() instanceof DockerfileSource.Existing existing
            ? existing.file() : Path.of(PLACEHOLDER_DIR, "Dockerfile");
        Command command = driver.buildCommand(plan, new BuildFiles(dockerfile, Path.of(PLACEHOLDER_DIR, "metadata.json")));
        String text = plan.describe() + "\nCommand (" + PLACEHOLDER_DIR + " is a private temporary directory made for the build)\n  "
            + command.toCommandLine() + "\n";
        if (plan.dockerfile() instanceof DockerfileSource.Generated generated) {
            text += "\nGenerated Dockerfile\n" + generated.content().indent(2);
        }
        return runner.masker().mask(text);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
