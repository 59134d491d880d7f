package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileImages;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.GeneratedDockerIgnore;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.plan.LayerCacheExchange;
import io.jenkins.plugins.gocontainer.plan.SecretMount;

import io.jenkins.plugins.gocontainer.cache.CacheException;
import io.jenkins.plugins.gocontainer.cache.DirectoryLock;
import io.jenkins.plugins.gocontainer.cache.DirectoryReplacement;
import io.jenkins.plugins.gocontainer.cache.FileReplacement;
import io.jenkins.plugins.gocontainer.cache.Trees;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.RunDirectories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Executes a {@link BuildPlan} with a {@link BuildDriver}: writes the generated Dockerfile (if
 * any) into a private temporary directory, runs the client with its output streamed through the
 * masker, and returns the {@link BuildResult} or the most specific failure. What the build writes
 * locally (an OCI archive, layer caches) is staged and moved into place only on success. The temporary
 * directory is removed whatever happens.
 */
public final class ImageBuilder {

    private static final String PLACEHOLDER_DIR = "$GOCB_TMP";
    /** Larger secret files (certificate bundles, archives) are not scanned for in the output. */
    private static final long MAX_MASKED_SECRET_BYTES = 64 * 1024;

    private final BuildDriver driver;
    private final CommandRunner runner;
    private final Path metadataCopy;
    private final boolean goBuildCacheExport;
    private final BuilderRestart restart;
    private final RootFilesystemLayouts layouts;

    /** Starts the builder again after it stopped during a build; returns once it answers. */
    @FunctionalInterface
    public interface BuilderRestart {
        void restart() throws IOException, InterruptedException;
    }

    public ImageBuilder(BuildDriver driver, CommandRunner runner) {
        this(driver, runner.withMissingProgramRemedy("install the BuildKit clients with ./dev/setup (buildctl " + "and buildx)"), null, true, null,
            null);
    }

    private ImageBuilder(BuildDriver driver, CommandRunner runner, Path metadataCopy, boolean goBuildCacheExport, BuilderRestart restart,
                         RootFilesystemLayouts layouts) {
        this.driver = driver;
        this.runner = runner;
        this.metadataCopy = metadataCopy;
        this.goBuildCacheExport = goBuildCacheExport;
        this.restart = restart;
        this.layouts = layouts;
    }

    /**
     * A builder that hands local base images to BuildKit as OCI layouts kept in {@code value},
     * which the builder receives once, instead of directories it receives on every build.
     */
    public ImageBuilder withRootFilesystemLayouts(RootFilesystemLayouts value) {
        return new ImageBuilder(driver, runner, metadataCopy, goBuildCacheExport, restart, value);
    }

    /** A builder that also keeps BuildKit's metadata file (as {@code buildx --metadata-file} does) at {@code file}. */
    public ImageBuilder withMetadataFile(Path file) {
        return new ImageBuilder(driver, runner, file.toAbsolutePath(), goBuildCacheExport, restart, layouts);
    }

    /** A builder that seeds the Go build cache but does not copy it back out (nobody would keep the copy). */
    public ImageBuilder withoutGoBuildCacheExport() {
        return new ImageBuilder(driver, runner, metadataCopy, false, restart, layouts);
    }

    /**
     * A builder that, when the builder stops during a build, starts it again with {@code restart}
     * and builds once more, saying so: for the builder gocb runs itself, which nobody else would
     * restart. A second stop is reported.
     */
    public ImageBuilder withBuilderRestart(BuilderRestart value) {
        return new ImageBuilder(driver, runner, metadataCopy, goBuildCacheExport, value, layouts);
    }

    public BuildDriver driver() {
        return driver;
    }

    public BuildResult build(BuildPlan planned, OutputSink sink) throws IOException, InterruptedException {
        planned.notes().forEach(sink::line);
        BuildPlan requested = layouts == null ? planned : layouts.apply(planned, sink);
        try {
            return buildWithAnyFrontend(requested, sink);
        } catch (BuilderStoppedException stopped) {
            if (restart == null) {
                throw stopped;
            }
            sink.line("gocb: the builder stopped during the build (" + driver.builderDescription() + "); starting it again and building once more");
            restart.restart();
            return buildWithAnyFrontend(requested, sink);
        }
    }

    /** A '# syntax=' frontend that cannot be pulled is not worth failing for: BuildKit has a Dockerfile frontend built in. */
    private BuildResult buildWithAnyFrontend(BuildPlan requested, OutputSink sink) throws IOException, InterruptedException {
        try {
            return buildOnce(requested, sink, false);
        } catch (FrontendUnavailableException unavailable) {
            sink.line("gocb: note: the Dockerfile's frontend " + unavailable.frontend() + " ('# syntax=' line) could not be pulled;"
                + " building with BuildKit's built-in Dockerfile frontend instead");
            return buildOnce(requested, sink, true);
        }
    }

    private BuildResult buildOnce(BuildPlan requested, OutputSink sink, boolean builtInFrontend) throws IOException, InterruptedException {
        BuildPlan plan = requested.stagedFor(UUID.randomUUID().toString());
        registerSecretFiles(plan);
        Path work = Files.createTempDirectory(RunDirectories.ownedPrefix("gocb-build-"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Path dockerfile;
            if (plan.dockerfile() instanceof DockerfileSource.Existing existing && builtInFrontend) {
                dockerfile = withoutSyntaxDirective(existing.file(), work);
            } else if (plan.dockerfile() instanceof DockerfileSource.Existing existing) {
                dockerfile = existing.file();
            } else {
                dockerfile = Files.writeString(work.resolve("Dockerfile"), ((DockerfileSource.Generated) plan.dockerfile()).content());
                Files.writeString(work.resolve("Dockerfile.dockerignore"), GeneratedDockerIgnore.text(plan));
            }
            BuildFiles files = new BuildFiles(dockerfile, work.resolve("metadata.json"));
            warnAboutDamagedLocalCaches(plan, sink);
            Command command = driver.buildCommand(plan, files);
            sink.line(runner.masker().mask("gocb: " + driver.name() + " on " + driver.builderDescription()));
            ProgressLog progress = new ProgressLog();
            CommandResult result = runner.endingWithThisProcess().run(command, line -> {
                progress.line(line);
                if (!isClientNoise(line)) {
                    sink.line(line);
                }
            });
            if (!result.succeeded()) {
                throw BuildFailureClassifier.classify(plan, driver, progress, result);
            }
            BuildResult built = BuildMetadata.read(files.metadataFile(), plan);
            if (metadataCopy != null) {
                FileReplacement.copy(files.metadataFile(), metadataCopy);
            }
            promoteArchive(plan, requested);
            promoteLocalCaches(plan, sink);
            if (goBuildCacheExport && plan.goBuildCache().isPresent() && plan.dockerfile() instanceof DockerfileSource.Generated) {
                saveGoBuildCache(plan, new BuildFiles(files.dockerfile(), work.resolve("export-metadata.json")), sink);
            }
            return built;
        } finally {
            Trees.delete(work);
            if (plan.output() instanceof ImageOutput.OciArchive staged) {
                Files.deleteIfExists(staged.file());
            }
            for (LayerCacheExchange cache : plan.layerCaches()) {
                if (cache instanceof LayerCacheExchange.Local local) {
                    Trees.delete(local.incoming());
                }
            }
        }
    }

    /**
     * buildctl warns that the file system of an OCI layout it serves has no fs-verity, which
     * BuildKit never needs: a line that would only make users look for a problem.
     */
    static boolean isClientNoise(String line) {
        return line.contains("level=warning") && line.contains("failed check for fsverity support");
    }

    /** A copy of {@code file} in {@code work} without its '# syntax=' line, with the Dockerfile's own ignore file beside it. */
    private static Path withoutSyntaxDirective(Path file, Path work) throws IOException {
        Path copy = Files.writeString(work.resolve(file.getFileName().toString()), DockerfileImages.withoutSyntaxDirective(Files.readString(file)));
        Path ignore = file.resolveSibling(file.getFileName() + ".dockerignore");
        if (Files.isRegularFile(ignore)) {
            Files.copy(ignore, work.resolve(ignore.getFileName().toString()));
        }
        return copy;
    }

    /**
     * Copies the builder's Go build cache into the agent directory it was seeded from, so that the
     * next fresh builder starts from it. BuildKit cannot export cache mounts, so a second, fully
     * cached solve targets the generated Dockerfile's export stage and writes it out as files.
     */
    private void saveGoBuildCache(BuildPlan plan, BuildFiles files, OutputSink sink) throws IOException, InterruptedException {
        Path directory = plan.goBuildCache().orElseThrow();
        // A name of its own: two builds on one agent may save into the same directory at once.
        Path incoming = Files.createTempDirectory(directory.getParent(), directory.getFileName() + ".incoming-");
        try {
            BuildPlan export = plan.goBuildCacheExport(incoming, Long.toHexString(System.nanoTime()));
            sink.line("gocb: saving the Go build cache to " + directory);
            CommandResult result = runner.endingWithThisProcess().run(driver.buildCommand(export, files), sink);
            if (result.succeeded()) {
                DirectoryReplacement.replace(incoming, directory);
            } else {
                // The image is built and pushed: a cache that could not be saved costs the next build time, not this one.
                sink.line("gocb: warning: the Go build cache could not be saved to " + directory + " (exit " + result.exitCode()
                    + "); the image is fine, the next fresh builder recompiles more: " + String.join(" | ", result.lastLines()));
            }
        } catch (IOException | CacheException e) {
            sink.line("gocb: warning: the Go build cache could not be saved to " + directory + ": " + e.getMessage()
                + "; check that its parent directory is writable");
        } finally {
            Trees.delete(incoming);
        }
    }

    private static void warnAboutDamagedLocalCaches(BuildPlan plan, OutputSink sink) {
        for (LayerCacheExchange cache : plan.layerCaches()) {
            if (cache instanceof LayerCacheExchange.Local local) {
                local.damage().ifPresent(damage -> sink.line("gocb: warning: the layer cache in " + local.directory() + " is damaged (" + damage
                    + "); this build does not import it and replaces it with what it exports"));
            }
        }
    }

    /** Moves the staged OCI archive over the requested path in one step, readable by all but writable only by its owner. */
    private static void promoteArchive(BuildPlan plan, BuildPlan requested) throws IOException {
        if (plan.output() instanceof ImageOutput.OciArchive staged && requested.output() instanceof ImageOutput.OciArchive target) {
            FileReplacement.moveIntoPlace(staged.file(), target.file());
        }
    }

    /**
     * Replaces each local cache directory by what this build exported, so that it holds the last
     * build's layers instead of growing with every build (BuildKit never prunes it). The image is
     * complete by now (the export ignores its own errors), so a cache that cannot be updated is a
     * warning: the directory keeps what it had, and the next build imports that.
     */
    private static void promoteLocalCaches(BuildPlan plan, OutputSink sink) throws InterruptedException {
        for (LayerCacheExchange cache : plan.layerCaches()) {
            if (cache instanceof LayerCacheExchange.Local local) {
                if (!Files.isRegularFile(local.incoming().resolve("index.json"))) {
                    sink.line("gocb: warning: the layer cache could not be exported to " + local.directory() + " (BuildKit wrote no complete cache; "
                        + "see its warning above, e.g. a full disk); " + complete(plan) + ", and " + local.directory() + " keeps its previous contents");
                    continue;
                }
                // Builds sharing the directory promote one at a time; the last complete export wins.
                try (DirectoryLock lock = DirectoryLock.onTarget(local.directory())) {
                    DirectoryReplacement.replace(local.incoming(), local.directory());
                } catch (IOException | CacheException e) {
                    sink.line("gocb: warning: the layer cache in " + local.directory() + " could not be updated: " + e.getMessage() + "; "
                        + complete(plan) + ", and the next build imports the previous cache");
                }
            }
        }
    }

    private static String complete(BuildPlan plan) {
        return plan.output() instanceof ImageOutput.RegistryPush ? "the image and its tags are pushed" : "the image is built";
    }

    /** The plan and the exact command a build would run, with every registered secret masked. */
    public String dryRun(BuildPlan plan) throws IOException {
        Command command = plannedCommand(plan);
        String text = plan.describe() + "\nCommand (" + PLACEHOLDER_DIR + " is a private temporary directory made for the build)\n  "
            + command.toCommandLine() + "\n";
        if (plan.dockerfile() instanceof DockerfileSource.Generated generated) {
            text += "\nGenerated Dockerfile\n" + generated.content().indent(2);
        }
        return runner.masker().mask(text);
    }

    /**
     * The command a build would run, every argument masked, with {@value #PLACEHOLDER_DIR} standing
     * for the private directory a real build makes.
     */
    public Command plannedCommand(BuildPlan plan) throws IOException {
        registerSecretFiles(plan);
        Path dockerfile = plan.dockerfile() instanceof DockerfileSource.Existing existing
            ? existing.file() : Path.of(PLACEHOLDER_DIR, "Dockerfile");
        Command command = driver.buildCommand(plan, new BuildFiles(dockerfile, Path.of(PLACEHOLDER_DIR, "metadata.json")));
        return new Command(command.argv().stream().map(runner.masker()::mask).toList(), command.environment(), command.workingDirectory());
    }

    /** The masker learns every secret's content before the client prints its first line. */
    private void registerSecretFiles(BuildPlan plan) throws IOException {
        for (SecretMount secret : plan.secrets()) {
            Path file = secret.file();
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new InvalidBuildRequestException("secret " + secret.id() + ": cannot read " + file,
                    "BuildKit secrets are read from files on the machine running the client",
                    "check the path and its permissions (the file should be 0600 and owned by the build user)");
            }
            if (Files.size(file) <= MAX_MASKED_SECRET_BYTES) {
                runner.masker().register(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

}
