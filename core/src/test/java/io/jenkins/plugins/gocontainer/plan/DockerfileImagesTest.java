package io.jenkins.plugins.gocontainer.plan;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileImagesTest {

    private static final Map<String, String> AMD64 = Map.of("TARGETOS", "linux", "TARGETARCH", "amd64");

    @Test
    void expandsGlobalArgsInFromWithTheirDefaults() {
        DockerfileImages images = DockerfileImages.parse("""
            ARG OS=linux
            ARG ARCH="amd64"
            FROM quay.io/prometheus/busybox-${OS}-${ARCH}:latest
            COPY bin/app /bin/app
            """, Map.of(), AMD64);

        assertThat(images.images()).containsExactly("quay.io/prometheus/busybox-linux-amd64:latest");
    }

    @Test
    void buildArgumentsOverrideTheDefaultsAndPlatformArgsArePredefined() {
        DockerfileImages images = DockerfileImages.parse("""
            ARG ARCH=amd64
            ARG VARIANT
            FROM busybox-$ARCH${VARIANT:+-}${VARIANT}
            FROM base-${TARGETOS}-${TARGETARCH}:${TAG:-1.0}
            """, Map.of("ARCH", "arm64", "VARIANT", "v8"), AMD64);

        assertThat(images.images()).containsExactly("busybox-arm64-v8", "base-linux-amd64:1.0");
    }

    @Test
    void anArgDeclaredInAStageIsNotSeenByLaterFromLines() {
        DockerfileImages images = DockerfileImages.parse("""
            FROM golang:1.26 AS build
            ARG BASE=alpine
            FROM ${BASE:-scratch}
            """, Map.of(), AMD64);

        assertThat(images.stages()).extracting(DockerfileImages.Stage::base).containsExactly("golang:1.26", "scratch");
        assertThat(images.images()).containsExactly("golang:1.26");
    }

    @Test
    void stageNamesScratchAndStageIndexesAreNotImages() {
        DockerfileImages images = DockerfileImages.parse("""
            # syntax=docker/dockerfile:1.7
            FROM --platform=$BUILDPLATFORM golang:1.26-alpine AS Builder
            RUN apk add --no-cache make \\
                git
            FROM builder AS test
            FROM scratch
            COPY --from=builder /out /app
            COPY --from=0 /etc/passwd /etc/passwd
            COPY --from=gcr.io/distroless/static:nonroot /etc/ssl /etc/ssl
            RUN --mount=type=bind,from=busybox:1.36,target=/bb true
            """, Map.of(), AMD64);

        assertThat(images.syntax()).contains("docker/dockerfile:1.7");
        assertThat(images.images()).containsExactly("golang:1.26-alpine", "busybox:1.36", "gcr.io/distroless/static:nonroot");
        assertThat(images.stages().get(0).name()).contains("Builder");
        assertThat(images.stages().get(0).runCommands()).singleElement().asString().contains("apk add").contains("git");
        assertThat(images.stages().get(1).fromImage()).isFalse();
        assertThat(images.stagesFrom("golang:1.26-alpine")).hasSize(1);
    }

    @Test
    void readsHereDocumentsAsPartOfTheirRunAndNotAsInstructions() {
        DockerfileImages images = DockerfileImages.parse("""
            FROM debian:bookworm
            RUN <<EOF
            apt-get update
            FROM not-an-image
            EOF
            """, Map.of(), AMD64);

        assertThat(images.images()).containsExactly("debian:bookworm");
        assertThat(images.stages().get(0).runCommands()).singleElement().asString().contains("apt-get update");
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        DockerfileImages images = DockerfileImages.parse("""
            # escape=`
            FROM `
              mcr.microsoft.com/base:1
            """, Map.of(), AMD64);

        assertThat(images.syntax()).isEqualTo(Optional.empty());
        assertThat(images.images()).containsExactly("mcr.microsoft.com/base:1");
    }

    @Test
    void aSyntaxLineAfterAnInstructionIsAComment() {
        DockerfileImages images = DockerfileImages.parse("FROM alpine\n# syntax=docker/dockerfile:1\n", Map.of(), AMD64);

        assertThat(images.syntax()).isEmpty();
    }

    @Test
    void withoutTheSyntaxDirectiveEveryOtherLineKeepsItsNumber() {
        String dockerfile = "# syntax=docker/dockerfile:1.7\n# check=error=true\nFROM alpine\nRUN true\n";

        String rewritten = DockerfileImages.withoutSyntaxDirective(dockerfile);

        assertThat(rewritten.lines().toList()).containsExactly("# check=error=true", "", "FROM alpine", "RUN true");
        assertThat(DockerfileImages.parse(rewritten, Map.of(), AMD64).syntax()).isEmpty();
        assertThat(DockerfileImages.withoutSyntaxDirective("FROM alpine\n")).isEqualTo("FROM alpine\n");
    }
}
