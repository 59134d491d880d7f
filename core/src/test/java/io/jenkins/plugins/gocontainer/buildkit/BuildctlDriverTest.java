package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.SecretMount;
import io.jenkins.plugins.gocontainer.plan.SshMount;

import io.jenkins.plugins.gocontainer.exec.Command;
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

import static org.assertj.core.api.Assertions.assertThat;

class BuildctlDriverTest {

    static final String SECRET_CONTENT = "machine git.example.com login ci password s3cr3t-netrc-value";
    static final String KEY_CONTENT = "-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWtleS1ib2R5LWZvci10ZXN0cw\n-----END OPENSSH PRIVATE KEY-----\n";

    @TempDir
    Path root;

    private Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Fixture.create(root);
    }

    @Test
    void buildsWithEveryOptionInOrder() {
        BuildctlDriver driver = new BuildctlDriver(BuilderConnection.of("unix:///run/test/buildkitd.sock"));
        ImageReference name = ImageReference.parse("registry.example.com/team/app:1.2.3");
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(name), false));

        List<String> argv = driver.buildCommand(plan, fixture.files).argv();

        List<String> expected = new ArrayList<>(List.of("buildctl", "--addr", "unix:///run/test/buildkitd.sock", "build",
            "--frontend", "dockerfile.v0",
            "--local", "context=" + fixture.context,
            "--local", "dockerfile=" + fixture.files.dockerfileDirectory(),
            "--opt", "filename=" + fixture.files.dockerfileName(),
            "--opt", "target=release"));
        for (Map.Entry<String, String> arg : plan.buildArgs().entrySet()) {
            expected.addAll(List.of("--opt", "build-arg:" + arg.getKey() + "=" + arg.getValue()));
        }
        expected.addAll(List.of("--opt", "platform=linux/amd64,linux/arm/v7"));
        for (Map.Entry<String, String> label : plan.labels().entrySet()) {
            expected.addAll(List.of("--opt", "label:" + label.getKey() + "=" + label.getValue()));
        }
        expected.addAll(List.of(
            "--opt", "context:golang:1.22=local:" + fixture.local.localName(),
            "--local", fixture.local.localName() + "=" + fixture.baseDirectory,
            "--opt", "context:alpine:3=docker-image://mirror.example.com/library/alpine:3",
            "--secret", "id=netrc,src=" + fixture.secretFile,
            "--ssh", "default",
            "--ssh", "deploy=" + fixture.agentSocket + "," + fixture.keyFile,
            "--opt", "add-hosts=git.internal.test=10.0.0.7,proxy.internal=fd00::8",
            "--no-cache",
            "--output", "type=image,name=" + name + ",push=true",
            "--progress", "plain",
            "--metadata-file", fixture.files.metadataFile().toString()));
        assertThat(argv).containsExactlyElementsOf(expected);
        assertThat(plan.buildArgs()).containsKeys("VERSION", "GOFLAGS");
        assertThat(plan.labels()).hasSize(2);
        assertThat(fixture.local.localName()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void neverPutsSecretOrKeyContentOnTheCommandLine() {
        BuildctlDriver driver = new BuildctlDriver(BuilderConnection.of("unix:///run/test/buildkitd.sock"));

        Command command = driver.buildCommand(fixture.plan(new ImageOutput.OciArchive(root.resolve("x.tar"))), fixture.files);

        assertThat(command.argv()).noneMatch(word -> word.contains("s3cr3t-netrc-value") || word.contains("c2VjcmV0LWtleS1ib2R5"));
        assertThat(command.environment().values()).noneMatch(value -> value.contains("s3cr3t-netrc-value"));
        assertThat(command.argv()).containsSequence("--secret", "id=netrc,src=" + fixture.secretFile);
    }

    @Test
    void pushesSeveralNamesInOneCsvQuotedField() {
        List<ImageReference> names = List.of(ImageReference.parse("127.0.0.1:5000/app:1.2.3"), ImageReference.parse("127.0.0.1:5000/app:latest"));
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(names, true));

        String output = outputOf(new BuildctlDriver(BuilderConnection.of("unix:///x.sock")).buildCommand(plan, fixture.files).argv());

        String joined = names.get(0) + "," + names.get(1);
        assertThat(output).contains("\"name=" + joined + "\"");
        assertThat(Csv.split(output)).containsExactly("type=image", "name=" + joined, "push=true", "registry.insecure=true");
    }

    @Test
    void pushesOneNameUnquoted() {
        ImageReference name = ImageReference.parse("127.0.0.1:5000/app:1");
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(name), true));

        String output = outputOf(new BuildctlDriver(BuilderConnection.of("unix:///x.sock")).buildCommand(plan, fixture.files).argv());

        assertThat(output).doesNotContain("\"");
        assertThat(Csv.split(output)).containsExactly("type=image", "name=" + name, "push=true", "registry.insecure=true");
    }

    @Test
    void aSecurePushHasNoInsecureOption() {
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(ImageReference.parse("registry.example.com/app:1")), false));

        String output = outputOf(new BuildctlDriver(BuilderConnection.of("unix:///x.sock")).buildCommand(plan, fixture.files).argv());

        assertThat(Csv.split(output)).doesNotContain("registry.insecure=true").contains("push=true");
    }

    @Test
    void writesAnOciArchive() {
        Path archive = root.resolve("greeter.oci.tar");

        String output = outputOf(new BuildctlDriver(BuilderConnection.of("unix:///x.sock"))
            .buildCommand(fixture.plan(new ImageOutput.OciArchive(archive)), fixture.files).argv());

        assertThat(Csv.split(output)).containsExactly("type=oci", "dest=" + archive);
    }

    @Test
    void aMinimalPlanHasNoOptionalFlags() {
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Existing(fixture.files.dockerfile()), Optional.empty(),
            Optional.empty(), Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), new ImageOutput.OciArchive(root.resolve("o.tar")), false, List.of());

        List<String> argv = new BuildctlDriver(BuilderConnection.of("unix:///x.sock")).buildCommand(plan, fixture.files).argv();

        assertThat(argv).doesNotContain("--secret", "--ssh", "--no-cache")
            .noneMatch(word -> word.startsWith("target=") || word.startsWith("platform=") || word.startsWith("build-arg:")
                || word.startsWith("label:") || word.startsWith("context:"));
    }

    @Test
    void passesTheTlsOptionsBeforeTheSubcommand() {
        BuilderConnection.Tls tls = new BuilderConnection.Tls(root.resolve("ca.pem"), root.resolve("cert.pem"), root.resolve("key.pem"), "buildkit.internal");
        BuildctlDriver driver = new BuildctlDriver("/opt/bin/buildctl", BuilderConnection.of("tcp://buildkit.internal:1234").withTls(tls));

        List<String> argv = driver.buildCommand(fixture.plan(new ImageOutput.OciArchive(root.resolve("o.tar"))), fixture.files).argv();

        assertThat(argv.subList(0, argv.indexOf("build"))).containsExactly("/opt/bin/buildctl",
            "--addr", "tcp://buildkit.internal:1234",
            "--tlscacert", tls.caCertificate().toString(),
            "--tlscert", tls.certificate().toString(),
            "--tlskey", tls.key().toString(),
            "--tlsservername", "buildkit.internal");
        assertThat(driver.probeCommand().argv()).containsExactly("/opt/bin/buildctl",
            "--addr", "tcp://buildkit.internal:1234",
            "--tlscacert", tls.caCertificate().toString(),
            "--tlscert", tls.certificate().toString(),
            "--tlskey", tls.key().toString(),
            "--tlsservername", "buildkit.internal",
            "debug", "workers");
        assertThat(driver.builderDescription()).contains("tcp://buildkit.internal:1234");
    }

    @Test
    void omitsTheServerNameWhenNoneIsGiven() {
        BuilderConnection.Tls tls = new BuilderConnection.Tls(root.resolve("ca.pem"), root.resolve("cert.pem"), root.resolve("key.pem"), null);

        List<String> argv = new BuildctlDriver(BuilderConnection.of("tcp://b:1234").withTls(tls)).probeCommand().argv();

        assertThat(argv).doesNotContain("--tlsservername").containsSequence("--tlskey", tls.key().toString(), "debug", "workers");
    }

    @Test
    void probesTheBuilderWithDebugWorkers() {
        BuildctlDriver driver = new BuildctlDriver(BuilderConnection.of("unix:///run/test/buildkitd.sock"));

        assertThat(driver.probeCommand().argv()).containsExactly("buildctl", "--addr", "unix:///run/test/buildkitd.sock", "debug", "workers");
        assertThat(driver.name()).isEqualTo("buildctl");
        assertThat(driver.builderDescription()).contains("unix:///run/test/buildkitd.sock");
    }

    static String outputOf(List<String> argv) {
        int index = argv.indexOf("--output");
        assertThat(index).isNotNegative();
        return argv.get(index + 1);
    }

    /** A plan using every option, with real files for the secret, the SSH key and the base image. */
    static final class Fixture {
        final Path context;
        final Path baseDirectory;
        final Path secretFile;
        final Path keyFile;
        final Path agentSocket;
        final NamedContext local;
        final BuildFiles files;

        private Fixture(Path root) throws IOException {
            context = Files.createDirectories(root.resolve("service"));
            baseDirectory = Files.createDirectories(root.resolve("rootfs/golang"));
            secretFile = Files.writeString(root.resolve("netrc"), SECRET_CONTENT);
            keyFile = Files.writeString(root.resolve("id_ed25519"), KEY_CONTENT);
            agentSocket = root.resolve("agent.sock");
            local = NamedContext.localDirectory("golang:1.22", baseDirectory);
            Path work = Files.createDirectories(root.resolve("gocb-tmp"));
            files = new BuildFiles(Files.writeString(work.resolve("Dockerfile"), "FROM scratch\n"), work.resolve("metadata.json"));
        }

        static Fixture create(Path root) throws IOException {
            return new Fixture(root);
        }

        BuildPlan plan(ImageOutput output) {
            return new BuildPlan(context, new DockerfileSource.Existing(files.dockerfile()), Optional.empty(),
                Optional.of("release"),
                Map.of("VERSION", "1.2.3", "GOFLAGS", "-mod=vendor -tags=netgo"),
                List.of(Platform.parse("linux/amd64"), Platform.parse("linux/arm/v7")),
                Map.of("org.opencontainers.image.source", "https://git.example.com/team/app", "team", "platform engineering"),
                List.of(local, NamedContext.image("alpine:3", "docker-image://mirror.example.com/library/alpine:3")),
                List.of(new SecretMount("netrc", secretFile)),
                List.of(new SshMount(SshMount.DEFAULT_ID, List.of()), new SshMount("deploy", List.of(agentSocket, keyFile))),
                List.of(new HostMapping("git.internal.test", "10.0.0.7"), new HostMapping("proxy.internal", "fd00::8")),
                output,
                true, List.of());
        }
    }

    @Test
    void aPlanWithSourceDateEpochHasTheExporterRewriteLayerTimes() {
        BuildctlDriver driver = new BuildctlDriver(BuilderConnection.of("unix:///run/test/buildkitd.sock"));
        ImageReference name = ImageReference.parse("registry.example.com/team/app:1.2.3");
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(name), false));
        BuildPlan reproducible = new BuildPlan(plan.contextDirectory(), plan.dockerfile(), plan.module(), plan.target(),
            Map.of("VERSION", "1.2.3", "SOURCE_DATE_EPOCH", "1790000000"), plan.platforms(), plan.labels(), plan.namedContexts(), plan.secrets(),
            plan.sshMounts(), plan.hostMappings(), plan.output(), plan.noCache(), plan.layerCaches());

        List<String> argv = driver.buildCommand(reproducible, fixture.files).argv();

        assertThat(argv).containsSequence("--opt", "build-arg:SOURCE_DATE_EPOCH=1790000000")
            .containsSequence("--output", "type=image,name=" + name + ",push=true,rewrite-timestamp=true");
        assertThat(driver.buildCommand(plan, fixture.files).argv()).noneMatch(arg -> arg.contains("rewrite-timestamp"));
    }

    /** Splits one line of CSV as BuildKit's --output parser does: commas separate, double quotes group. */
    static final class Csv {
        static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (c == ',' && !quoted) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            assertThat(quoted).as("unbalanced quotes in %s", line).isFalse();
            fields.add(field.toString());
            return fields;
        }
    }
}
