package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local root filesystem replaces the FROM image however either side spells it, and a
 * '# syntax=' frontend nobody can pull falls back to BuildKit's own. The builder has no registry
 * to pull from: a replacement that did not apply would fail the build.
 */
@ExtendWith(RealEnvironment.Extension.class)
class BaseImageSpellingsIT {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "FROM {0} with --base-image {1}=DIR")
    @CsvSource({
        "alpine, docker.io/library/alpine:latest",
        "docker.io/library/alpine:latest, alpine:latest",
        "index.docker.io/library/alpine, alpine",
        "quay.io/org/img:latest, quay.io/org/img",
        "alpine:3.20@" + DIGEST + ", alpine:3.20",
    })
    void aLocalRootFilesystemReplacesTheImageHoweverItIsSpelt(String from, String mapping, RealEnvironment env) throws Exception {
        List<String> log = build(env, "FROM " + from + "\nCOPY go.mod /go.mod\n", mapping);

        assertThat(log).noneMatch(line -> line.contains("failed to resolve source metadata"));
        assertThat(log).anyMatch(line -> line.contains("COPY go.mod /go.mod") && line.contains("DONE") || line.contains("exporting"));
    }

    @Test
    void anArgExpandedFromIsReplacedByItsExpandedName(RealEnvironment env) throws Exception {
        List<String> log = build(env, "ARG OS=linux\nARG ARCH=amd64\nFROM quay.io/prometheus/busybox-${OS}-${ARCH}:latest\nCOPY go.mod /go.mod\n",
            "quay.io/prometheus/busybox-linux-amd64:latest");

        assertThat(log).noneMatch(line -> line.contains("failed to resolve source metadata"));
    }

    @Test
    void anUnpullableSyntaxFrontendFallsBackToTheBuiltInOneWithOneNote(RealEnvironment env) throws Exception {
        List<String> log = build(env, "# syntax=docker/dockerfile:1.7\nFROM alpine\nCOPY go.mod /go.mod\n", "alpine");

        assertThat(log).filteredOn(line -> line.contains("built-in Dockerfile frontend")).singleElement().asString()
            .contains("docker/dockerfile:1.7");
        assertThat(log).noneMatch(line -> line.contains("the base image"));
    }

    private static List<String> build(RealEnvironment env, String dockerfile, String mapping) throws Exception {
        Path module = DockerfileModule.write(env.newDirectory("spelling-"), dockerfile);
        Path rootfs = Files.createDirectories(env.newDirectory("rootfs-").resolve("root"));
        Files.writeString(rootfs.resolve("marker"), "local root filesystem\n");
        BuildPlan plan = new BuildPlanner(module).plan(BuildRequest.builder(module)
            .namedContext(NamedContext.localDirectory(mapping, rootfs))
            .ociArchive(module.resolve("image.oci.tar"))
            .build());
        List<String> log = new ArrayList<>();
        BuildctlBuildIT.builder(env).build(plan, log::add);
        assertThat(module.resolve("image.oci.tar")).as(String.join("\n", log)).isNotEmptyFile();
        return log;
    }
}
