package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileGenerator;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.GoModule;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.plan.SecretMount;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static io.jenkins.plugins.gocontainer.buildkit.BuildctlDriverTest.Fixture;
import static io.jenkins.plugins.gocontainer.exec.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageBuilderTest {

    private static final String DIGEST = "sha256:" + "c385f89c16d6dd2c".repeat(4);
    private static final String SECRET = "s3cr3t-in-a-build-arg";

    @TempDir
    Path root;

    private Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Fixture.create(root);
    }

    @Test
    void dryRunShowsThePlanAndTheExactCommand() throws Exception {
        BuildctlDriver driver = new BuildctlDriver(BuilderConnection.of("unix:///run/test/buildkitd.sock"));
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(ImageReference.parse("127.0.0.1:5000/app:1")), true));

        String text = new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv())).dryRun(plan);

        assertThat(text).contains(plan.describe());
        List<String> argv = argvOfCommandLine(text, "buildctl");
        Path metadata = Path.of(argv.get(argv.indexOf("--metadata-file") + 1));
        BuildFiles files = new BuildFiles(fixture.files.dockerfile(), metadata);
        assertThat(argv).isEqualTo(driver.buildCommand(plan, files).argv());
    }

    @Test
    void dryRunOfAGeneratedDockerfileShowsItsContent() throws Exception {
        GoModule module = new GoModule(fixture.context.resolve("go.mod"), "example.com/acme/greeter", "1.22", Optional.empty(), true);
        String dockerfile = new DockerfileGenerator(module, "./cmd/greeter", true).generate();
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Generated(dockerfile), Optional.of(module), Optional.empty(),
            Map.of("VERSION", "dev"), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());
        BuildxDriver driver = new BuildxDriver(List.of("buildx"), null, null);

        String text = new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv())).dryRun(plan);

        for (String line : dockerfile.lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(text).contains("  " + line + "\n");
        }
        List<String> argv = argvOfCommandLine(text, "buildx");
        Path generated = Path.of(argv.get(argv.indexOf("--file") + 1));
        Path metadata = Path.of(argv.get(argv.indexOf("--metadata-file") + 1));
        assertThat(generated.getFileName()).hasToString("Dockerfile");
        assertThat(argv).isEqualTo(driver.buildCommand(plan, new BuildFiles(generated, metadata)).argv());
    }

    @Test
    void dryRunMasksRegisteredSecrets() throws IOException {
        SecretMasker masker = SecretMasker.none().register(SECRET);
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Existing(fixture.files.dockerfile()), Optional.empty(), Optional.empty(),
            Map.of("VERSION", "dev", "GREETING", "hello-" + SECRET), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
            new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());

        String text = new ImageBuilder(new BuildctlDriver(BuilderConnection.of("unix:///x.sock")), new CommandRunner(masker, System.getenv())).dryRun(plan);

        assertThat(text).doesNotContain(SECRET).contains("build-arg:GREETING=hello-" + MASK).contains("GREETING=hello-" + MASK);
    }

    @Test
    void dryRunMasksTheContentOfSecretFiles() throws IOException {
        String content = Files.readString(fixture.secretFile);
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Existing(fixture.files.dockerfile()), Optional.empty(), Optional.empty(),
            Map.of("VERSION", "dev", "NETRC_COPY", content), List.of(), Map.of(), List.of(), List.of(new SecretMount("netrc", fixture.secretFile)),
            List.of(), List.of(), new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());

        String text = new ImageBuilder(new BuildctlDriver(BuilderConnection.of("unix:///x.sock")), new CommandRunner(SecretMasker.none(), System.getenv())).dryRun(plan);

        assertThat(text).doesNotContain(content).contains("build-arg:NETRC_COPY=" + MASK).contains("id=netrc,src=" + fixture.secretFile);
    }

    @Test
    void buildMasksTheContentOfSecretFilesInTheOutput() throws Exception {
        String content = Files.readString(fixture.secretFile);
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Existing(fixture.files.dockerfile()), Optional.empty(), Optional.empty(),
            Map.of(), List.of(), Map.of(), List.of(), List.of(new SecretMount("netrc", fixture.secretFile)), List.of(), List.of(),
            new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());
        ScriptDriver driver = new ScriptDriver("echo \"#3 0.1 $(cat '" + fixture.secretFile + "')\"; exit 1", new AtomicReference<>());
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv())).build(plan, log::add))
            .isInstanceOf(BuildFailedException.class)
            .hasMessageNotContaining(content);
        assertThat(log).contains("#3 0.1 " + MASK).noneMatch(line -> line.contains(content));
    }

    @Test
    void anUnreadableSecretFileStopsTheBuildBeforeItRuns() {
        Path missing = root.resolve("no-such-secret");
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Existing(fixture.files.dockerfile()), Optional.empty(), Optional.empty(),
            Map.of(), List.of(), Map.of(), List.of(), List.of(new SecretMount("token", missing)), List.of(), List.of(),
            new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());
        AtomicReference<BuildFiles> used = new AtomicReference<>();
        ImageBuilder builder = new ImageBuilder(new ScriptDriver("exit 0", used), new CommandRunner(SecretMasker.none(), System.getenv()));

        assertThatThrownBy(() -> builder.build(plan, line -> { }))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("token").contains(missing.toString()));
        assertThatThrownBy(() -> builder.dryRun(plan)).isInstanceOf(InvalidBuildRequestException.class);
        assertThat(used.get()).as("no command was made").isNull();
    }

    @Test
    void buildRunsTheDriverCommandAndReadsTheMetadata() throws Exception {
        String metadata = "{\"containerimage.digest\": \"" + DIGEST + "\", \"containerimage.descriptor\": "
            + "{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\", \"digest\": \"" + DIGEST + "\", \"size\": 476}}";
        AtomicReference<BuildFiles> used = new AtomicReference<>();
        ScriptDriver driver = new ScriptDriver("echo '#1 [internal] load build definition from Dockerfile'; cat \"$1\"; printf '%s' '" + metadata + "' > \"$2\"", used);
        BuildPlan plan = generatedPlan(new ImageOutput.RegistryPush(List.of(ImageReference.parse("127.0.0.1:5000/app:1")), true));
        List<String> log = new ArrayList<>();

        BuildResult result = new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv())).build(plan, log::add);

        assertThat(result.digest()).isEqualTo(DIGEST);
        assertThat(result.size()).isEqualTo(476);
        assertThat(result.names()).isEqualTo(plan.imageNames());
        String generated = ((DockerfileSource.Generated) plan.dockerfile()).content();
        assertThat(log).containsSubsequence(generated.lines().toList());
        assertThat(log.get(0)).contains(driver.name()).contains(driver.builderDescription());
        assertThat(used.get().dockerfile().getParent()).as("the private build directory is removed").doesNotExist();
    }

    @Test
    void buildMasksSecretsInTheStreamedOutput() throws Exception {
        ScriptDriver driver = new ScriptDriver("echo \"#1 leaking " + SECRET + "\"; exit 1", new AtomicReference<>());
        List<String> log = new ArrayList<>();
        ImageBuilder builder = new ImageBuilder(driver, new CommandRunner(SecretMasker.none().register(SECRET), System.getenv()));

        assertThatThrownBy(() -> builder.build(generatedPlan(new ImageOutput.OciArchive(root.resolve("o.tar"))), log::add))
            .isInstanceOf(BuildFailedException.class)
            .hasMessageNotContaining(SECRET);
        assertThat(log).contains("#1 leaking " + MASK).noneMatch(line -> line.contains(SECRET));
    }

    @Test
    void aFailedBuildIsClassifiedAndItsDirectoryRemoved() throws Exception {
        AtomicReference<BuildFiles> used = new AtomicReference<>();
        ScriptDriver driver = new ScriptDriver(String.join("; ",
            "echo '#6 [2/3] RUN exit 3'",
            "echo '#6 ERROR: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3'",
            "echo 'error: failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3'",
            "exit 1"), used);

        assertThatThrownBy(() -> new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv()))
            .build(generatedPlan(new ImageOutput.OciArchive(root.resolve("o.tar"))), line -> { }))
            .isInstanceOfSatisfying(BuildStepFailedException.class, e -> {
                assertThat(e.step()).isEqualTo("[2/3] RUN exit 3");
                assertThat(e.exitCode()).isEqualTo(3);
            });
        assertThat(used.get().dockerfile().getParent()).doesNotExist();
    }

    @Test
    void aMissingClientNamesTheBuildKitClients() {
        BuildctlDriver driver = new BuildctlDriver("gocb-test-no-such-buildctl", BuilderConnection.of("unix:///x.sock"));

        assertThatThrownBy(() -> new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv()))
            .build(generatedPlan(new ImageOutput.OciArchive(root.resolve("o.tar"))), line -> { }))
            .isInstanceOfSatisfying(CommandNotFoundException.class, e -> {
                assertThat(e.problem()).contains("gocb-test-no-such-buildctl");
                assertThat(e.remedy()).contains("buildctl").contains("buildx");
            });
    }

    private BuildPlan generatedPlan(ImageOutput output) {
        GoModule module = new GoModule(fixture.context.resolve("go.mod"), "example.com/acme/greeter", "1.22", Optional.empty(), true);
        return new BuildPlan(fixture.context, new DockerfileSource.Generated(new DockerfileGenerator(module, ".", true).generate()), Optional.of(module),
            Optional.empty(), Map.of("VERSION", "dev"), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), output, false, List.of());
    }

    /** Splits the dry run's command line (the line starting with the program) the way sh would. */
    private static List<String> argvOfCommandLine(String dryRun, String program) throws Exception {
        List<String> lines = dryRun.lines().filter(line -> line.startsWith("  " + program + " ")).toList();
        assertThat(lines).hasSize(1);
        return new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("/bin/sh", "-c", "printf '%s\\n' " + lines.get(0).strip()));
    }

    /** A client stand-in: {@code sh -c SCRIPT sh DOCKERFILE METADATA}; it records the files it was given. */
    private static final class ScriptDriver implements BuildDriver {
        private final String script;
        private final AtomicReference<BuildFiles> used;

        ScriptDriver(String script, AtomicReference<BuildFiles> used) {
            this.script = script;
            this.used = used;
        }

        @Override
        public String name() {
            return "script";
        }

        @Override
        public Command buildCommand(BuildPlan plan, BuildFiles files) {
            used.set(files);
            return Command.of("sh", "-c", script, "sh", files.dockerfile().toString(), files.metadataFile().toString());
        }

        @Override
        public Command probeCommand() {
            return Command.of("true");
        }

        @Override
        public String builderDescription() {
            return "a shell script";
        }
    }

    @Test
    void buildctlsFsVerityWarningAboutAnOciLayoutIsNotPassedOn() {
        assertThat(ImageBuilder.isClientNoise("time=\"2026-12-04T04:57:20Z\" level=warning msg=\"failed check for fsverity support\" error=\"enable"
            + " fsverity failed: operation not supported\" path=/root/.cache/gocb/base-layouts/ce74")).isTrue();
        assertThat(ImageBuilder.isClientNoise("#4 [context golang:1.26] OCI load from client")).isFalse();
        assertThat(ImageBuilder.isClientNoise("time=\"2026-12-04T04:57:20Z\" level=warning msg=\"something else\"")).isFalse();
    }
}
