package io.jenkins.plugins.gocontainer.plan;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BaseImageAdviceTest {

    @Test
    void aGolangStageWithoutAPackageManagerIsOfferedTheLocalGoRootFilesystem() {
        String remedy = remedy("docker.io/library/golang:1.26", "FROM golang:1.26 AS build\nRUN go build -o /app .\nFROM scratch\n");

        assertThat(remedy).contains("{@baseImages} golang:1.26=$(./dev/gobase)").contains("{@dockerfile} generated");
    }

    @Test
    void aGolangStageThatRunsAptGetNeedsADebianRootFilesystem() {
        String remedy = remedy("docker.io/library/golang:1.26-bookworm",
            "FROM golang:1.26-bookworm\nRUN apt-get update && apt-get install -y make\n");

        assertThat(remedy).contains("the stage runs apt-get").contains("Debian or Ubuntu root filesystem")
            .contains("{@baseImages} golang:1.26-bookworm=DIR").doesNotContain("gobase");
    }

    @Test
    void aStageThatAddsUsersNeedsTheUserTools() {
        String remedy = remedy("docker.io/library/debian:12", "FROM debian:12\nRUN /usr/sbin/useradd -r app\n");

        assertThat(remedy).contains("the stage runs useradd").contains("shadow utilities");
    }

    @Test
    void anotherImageIsGivenARootFilesystemOfItsOwn() {
        String remedy = remedy("quay.io/prometheus/busybox-linux-amd64:latest", "FROM quay.io/prometheus/busybox-linux-amd64:latest\nCOPY app /bin/app\n");

        assertThat(remedy).contains("{@baseImages} quay.io/prometheus/busybox-linux-amd64=DIR").doesNotContain("gobase").doesNotContain("runs");
    }

    @Test
    void theGeneratedDockerfileIsNotOfferedAsItsOwnWayOut() {
        String remedy = BaseImageAdvice.remedy("docker.io/library/golang:1.26", DockerfileImages.parse("FROM golang:1.26\n", Map.of(), Map.of()), true);

        assertThat(remedy).doesNotContain("{@dockerfile} generated");
    }

    private static String remedy(String image, String dockerfile) {
        return BaseImageAdvice.remedy(image, DockerfileImages.parse(dockerfile, Map.of(), Map.of()), false);
    }
}
