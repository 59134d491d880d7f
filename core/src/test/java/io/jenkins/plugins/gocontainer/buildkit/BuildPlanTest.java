package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.GoModule;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.SshMount;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;


import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jenkins.plugins.gocontainer.buildkit.BuildctlDriverTest.Fixture;
import static org.assertj.core.api.Assertions.assertThat;

class BuildPlanTest {

    @TempDir
    Path root;

    private Fixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = Fixture.create(root);
    }

    @Test
    void describeListsEveryItemOfThePlan() {
        List<ImageReference> names = List.of(ImageReference.parse("127.0.0.1:5000/app:1"), ImageReference.parse("127.0.0.1:5000/app:latest"));
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(names, true));

        String text = plan.describe();

        assertThat(row(text, "context")).contains(fixture.context.toString());
        assertThat(row(text, "dockerfile")).contains(fixture.files.dockerfile().toString());
        assertThat(row(text, "target")).contains("release");
        assertThat(row(text, "platforms")).contains("linux/amd64").contains("linux/arm/v7");
        plan.buildArgs().forEach((k, v) -> assertThat(row(text, "build args")).contains(k + "=" + v));
        plan.labels().forEach((k, v) -> assertThat(row(text, "labels")).contains(k + "=" + v));
        assertThat(rows(text, "base image")).anyMatch(r -> r.contains("golang:1.22") && r.contains(fixture.baseDirectory.toString()))
            .anyMatch(r -> r.contains("alpine:3") && r.contains("docker-image://mirror.example.com/library/alpine:3"));
        assertThat(row(text, "secret")).contains("netrc").contains(fixture.secretFile.toString());
        assertThat(rows(text, "ssh")).anyMatch(r -> r.contains(SshMount.DEFAULT_ID))
            .anyMatch(r -> r.contains("deploy") && r.contains(fixture.agentSocket.toString()) && r.contains(fixture.keyFile.toString()));
        assertThat(row(text, "push")).contains(names.get(0).toString()).contains(names.get(1).toString()).contains("HTTP");
        assertThat(rows(text, "cache")).hasSize(1);
        assertThat(text).doesNotContain("s3cr3t-netrc-value").doesNotContain("c2VjcmV0LWtleS1ib2R5");
    }

    @Test
    void describeNamesTheModuleTheOciArchiveAndTheDefaultPlatform() {
        GoModule module = new GoModule(fixture.context.resolve("go.mod"), "example.com/acme/greeter", "1.22.3", Optional.empty(), false);
        Path archive = root.resolve("greeter.oci.tar");
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Generated("FROM scratch\n"), Optional.of(module),
            Optional.empty(), Map.of("VERSION", "dev"), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), new ImageOutput.OciArchive(archive), false, List.of());

        String text = plan.describe();

        assertThat(row(text, "module")).contains("example.com/acme/greeter").contains("1.22.3");
        assertThat(row(text, "output")).contains(archive.toString());
        assertThat(row(text, "platforms")).contains("default");
        assertThat(row(text, "dockerfile")).contains("generated");
        assertThat(rows(text, "push")).isEmpty();
        assertThat(rows(text, "cache")).isEmpty();
        assertThat(rows(text, "target")).isEmpty();
        assertThat(rows(text, "secret")).isEmpty();
    }

    @Test
    void aSecurePushIsNotMarkedInsecure() {
        BuildPlan plan = fixture.plan(new ImageOutput.RegistryPush(List.of(ImageReference.parse("registry.example.com/app:1")), false));

        assertThat(row(plan.describe(), "push")).contains("registry.example.com/app:1").doesNotContain("HTTP");
    }

    @Test
    void imageNamesAreThePushedNamesOrNone() {
        List<ImageReference> names = List.of(ImageReference.parse("127.0.0.1:5000/app:1"));

        assertThat(fixture.plan(new ImageOutput.RegistryPush(names, true)).imageNames()).isEqualTo(names);
        assertThat(fixture.plan(new ImageOutput.OciArchive(root.resolve("x.tar"))).imageNames()).isEmpty();
    }

    @Test
    void isImmutable() {
        Map<String, String> args = new HashMap<>(Map.of("VERSION", "1"));
        BuildPlan plan = new BuildPlan(fixture.context, new DockerfileSource.Generated("FROM scratch\n"), Optional.empty(),
            Optional.empty(), args, List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), new ImageOutput.OciArchive(root.resolve("x.tar")), false, List.of());

        args.put("LATER", "2");

        assertThat(plan.buildArgs()).containsOnlyKeys("VERSION");
    }

    private static String row(String text, String key) {
        List<String> rows = rows(text, key);
        assertThat(rows).as("rows for %s in%n%s", key, text).hasSize(1);
        return rows.get(0);
    }

    private static List<String> rows(String text, String key) {
        return text.lines().filter(line -> line.strip().startsWith(key + ":")).toList();
    }
}
