package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jenkins.plugins.gocontainer.buildkit.BuildctlDriverTest.Csv;
import static io.jenkins.plugins.gocontainer.buildkit.BuildctlDriverTest.Fixture;
import static io.jenkins.plugins.gocontainer.buildkit.BuildctlDriverTest.outputOf;
import static org.assertj.core.api.Assertions.assertThat;

class BuildxDriverTest {

    @TempDir
    Path root;

    private Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Fixture.create(root);
    }

    @Test
    void buildsWithEveryOptionInOrder() {
        Map<String, String> environment = Map.of("BUILDX_CONFIG", root.resolve("buildx").toString());
        BuildxDriver driver = new BuildxDriver(List.of("docker", "buildx"), "shared", environment);
        ImageReference name = ImageReference.parse("registry.example.com/team/app:1.2.3");
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(name), false));

        Command command = driver.buildCommand(plan, fixture.files);

        List<String> expected = new ArrayList<>(List.of("docker", "buildx", "build",
            "--builder", "shared",
            "--file", fixture.files.dockerfile().toString(),
            "--target", "release"));
        for (Map.Entry<String, String> arg : plan.buildArgs().entrySet()) {
            expected.addAll(List.of("--build-arg", arg.getKey() + "=" + arg.getValue()));
        }
        expected.addAll(List.of("--platform", "linux/amd64,linux/arm/v7"));
        for (Map.Entry<String, String> label : plan.labels().entrySet()) {
            expected.addAll(List.of("--label", label.getKey() + "=" + label.getValue()));
        }
        expected.addAll(List.of(
            "--build-context", "golang:1.22=" + fixture.baseDirectory,
            "--build-context", "alpine:3=docker-image://mirror.example.com/library/alpine:3",
            "--secret", "id=netrc,src=" + fixture.secretFile,
            "--ssh", "default",
            "--ssh", "deploy=" + fixture.agentSocket + "," + fixture.keyFile,
            "--add-host", "git.internal.test=10.0.0.7",
            "--add-host", "proxy.internal=fd00::8",
            "--no-cache",
            "--provenance=false", "--sbom=false",
            "--output", "type=image,name=" + name + ",push=true",
            "--progress", "plain",
            "--metadata-file", fixture.files.metadataFile().toString(),
            fixture.context.toString()));
        assertThat(command.argv()).containsExactlyElementsOf(expected);
        assertThat(command.environment()).isEqualTo(environment);
    }

    @Test
    void neverPutsSecretOrKeyContentOnTheCommandLine() {
        Command command = new BuildxDriver(List.of("buildx"), null, null)
            .buildCommand(fixture.plan(new ImageOutput.OciArchive(root.resolve("x.tar"))), fixture.files);

        assertThat(command.argv()).noneMatch(word -> word.contains("s3cr3t-netrc-value") || word.contains("c2VjcmV0LWtleS1ib2R5"));
        assertThat(command.argv()).containsSequence("--secret", "id=netrc,src=" + fixture.secretFile);
    }

    @Test
    void pushesSeveralNamesInOneCsvQuotedField() {
        List<ImageReference> names = List.of(ImageReference.parse("127.0.0.1:5000/app:1.2.3"), ImageReference.parse("127.0.0.1:5000/app:latest"));

        String output = outputOf(new BuildxDriver(List.of("buildx"), null, Map.of())
            .buildCommand(fixture.plan(new ImageOutput.RegistryPush(names, true)), fixture.files).argv());

        String joined = names.get(0) + "," + names.get(1);
        assertThat(output).contains("\"name=" + joined + "\"");
        assertThat(Csv.split(output)).containsExactly("type=image", "name=" + joined, "push=true", "registry.insecure=true");
    }

    @Test
    void writesAnOciArchive() {
        Path archive = root.resolve("greeter.oci.tar");

        String output = outputOf(new BuildxDriver(List.of("buildx"), null, Map.of())
            .buildCommand(fixture.plan(new ImageOutput.OciArchive(archive)), fixture.files).argv());

        assertThat(Csv.split(output)).containsExactly("type=oci", "dest=" + archive);
    }

    @Test
    void usesTheCurrentBuilderWhenNoneIsNamed() {
        BuildxDriver driver = new BuildxDriver(List.of("buildx"), null, null);

        List<String> argv = driver.buildCommand(fixture.plan(new ImageOutput.OciArchive(root.resolve("x.tar"))), fixture.files).argv();

        assertThat(argv).doesNotContain("--builder").startsWith("buildx", "build", "--file");
        assertThat(driver.probeCommand().argv()).containsExactly("buildx", "inspect", "--bootstrap");
        assertThat(driver.builderDescription()).contains("current");
    }

    @Test
    void probesTheNamedBuilder() {
        Map<String, String> environment = Map.of("BUILDX_CONFIG", "/tmp/buildx-config");
        BuildxDriver driver = new BuildxDriver(List.of("docker", "buildx"), "shared", environment);

        Command probe = driver.probeCommand();

        assertThat(probe.argv()).containsExactly("docker", "buildx", "inspect", "shared", "--bootstrap");
        assertThat(probe.environment()).isEqualTo(environment);
        assertThat(driver.name()).isEqualTo("buildx");
        assertThat(driver.builderDescription()).contains("'shared'");
    }
}
