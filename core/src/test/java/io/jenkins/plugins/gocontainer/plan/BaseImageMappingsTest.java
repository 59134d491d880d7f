package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseImageMappingsTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @ParameterizedTest(name = "FROM {0} is replaced by a mapping for {1}")
    @CsvSource({
        "alpine, alpine",
        "alpine, alpine:latest",
        "alpine, docker.io/library/alpine:latest",
        "alpine:latest, index.docker.io/library/alpine",
        "docker.io/library/alpine, alpine",
        "library/alpine:3.20, alpine:3.20",
        "quay.io/org/img:latest, quay.io/org/img",
        "quay.io/org/img, quay.io/org/img:latest",
        "docker.io/team/tool:1, team/tool:1",
    })
    void everySpellingOfOneImageMatches(String from, String mapping) {
        BaseImageMappings.Resolved resolved = resolve("FROM " + from + "\n", mapping);

        assertThat(resolved.contexts()).singleElement()
            .satisfies(context -> assertThat(context.name()).isEqualTo(BaseImageMappings.lookupName(from)))
            .satisfies(context -> assertThat(context.directory()).isEqualTo(Path.of("/rootfs")));
        assertThat(resolved.notes()).isEmpty();
    }

    @Test
    void theNameIsTheOneBuildKitLooksUp() {
        assertThat(BaseImageMappings.lookupName("docker.io/library/alpine:latest")).isEqualTo("alpine");
        assertThat(BaseImageMappings.lookupName("quay.io/org/img:latest")).isEqualTo("quay.io/org/img");
        assertThat(BaseImageMappings.lookupName("golang:1.26")).isEqualTo("golang:1.26");
        assertThat(BaseImageMappings.lookupName("alpine@" + DIGEST)).isEqualTo("alpine@" + DIGEST);
    }

    @Test
    void aDigestPinnedFromMatchesAMappingWithTheDigestSilently() {
        BaseImageMappings.Resolved resolved = resolve("FROM alpine:3.20@" + DIGEST + "\n", "docker.io/library/alpine:3.20@" + DIGEST);

        assertThat(resolved.contexts()).singleElement().extracting(NamedContext::name).isEqualTo("alpine:3.20@" + DIGEST);
        assertThat(resolved.notes()).isEmpty();
    }

    @Test
    void aDigestPinnedFromMatchesAMappingWithoutTheDigestAndSaysSo() {
        BaseImageMappings.Resolved resolved = resolve("FROM alpine:3.20@" + DIGEST + "\n", "alpine:3.20");

        assertThat(resolved.contexts()).singleElement().extracting(NamedContext::name).isEqualTo("alpine:3.20@" + DIGEST);
        assertThat(resolved.notes()).singleElement().asString()
            .contains("alpine:3.20 has no digest").contains("FROM alpine:3.20@" + DIGEST).contains("not checked");
    }

    @Test
    void aMappingWithADigestDoesNotMatchAnUnpinnedFrom() {
        assertThatThrownBy(() -> resolve("FROM alpine:3.20\n", "alpine:3.20@" + DIGEST))
            .isInstanceOf(InvalidBuildRequestException.class).hasMessageContaining("matches no image");
    }

    @Test
    void anArgExpandedFromMatchesItsExpandedName() {
        BaseImageMappings.Resolved resolved = resolve("ARG ARCH=amd64\nFROM quay.io/prometheus/busybox-linux-${ARCH}:latest\n",
            "quay.io/prometheus/busybox-linux-amd64:latest");

        assertThat(resolved.contexts()).singleElement().extracting(NamedContext::name).isEqualTo("quay.io/prometheus/busybox-linux-amd64");
    }

    @Test
    void aMappingThatMatchesNothingIsAnErrorListingTheImagesAndAWorkingSpelling() {
        assertThatThrownBy(() -> resolve("FROM golang:1.26 AS build\nFROM docker.io/library/alpine:latest\n", "golang:1.25"))
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("golang:1.25=/rootfs matches no image that Dockerfile reads")
            .hasMessageContaining("it reads golang:1.26, docker.io/library/alpine:latest")
            .hasMessageContaining("baseImages golang:1.26=/rootfs");
    }

    @Test
    void defaultsForEveryBuildApplyWhereTheyMatchAndArePassedOverElsewhere() {
        BaseImageMappings.Resolved resolved = BaseImageMappings.resolve(
            List.of(NamedContext.localDirectory("golang:1.26", Path.of("/given"))),
            List.of(NamedContext.image("docker.io/library/golang:1.26", "docker-image://mirror/golang:1.26"),
                NamedContext.image("alpine:latest", "docker-image://mirror/alpine"),
                NamedContext.image("node:22", "docker-image://mirror/node:22")),
            DockerfileImages.parse("FROM golang:1.26 AS build\nFROM alpine\n", Map.of(), Map.of()), "Dockerfile");

        assertThat(resolved.contexts()).extracting(NamedContext::name, NamedContext::source)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("golang:1.26", "/given"),
                org.assertj.core.groups.Tuple.tuple("alpine", "docker-image://mirror/alpine"));
    }

    @Test
    void anInvalidNameSaysWhatIsWrong() {
        assertThatThrownBy(() -> resolve("FROM alpine\n", "Alpine/UPPER"))
            .isInstanceOf(InvalidBuildRequestException.class).hasMessageContaining("invalid base-image replacement name 'Alpine/UPPER'");
    }

    private static BaseImageMappings.Resolved resolve(String dockerfile, String mapping) {
        return BaseImageMappings.resolve(List.of(NamedContext.localDirectory(mapping, Path.of("/rootfs"))),
            DockerfileImages.parse(dockerfile, Map.of(), Map.of()), "Dockerfile");
    }
}
