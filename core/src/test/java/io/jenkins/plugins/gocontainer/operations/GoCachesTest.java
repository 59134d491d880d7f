package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoCachesTest {

    @TempDir
    Path workspace;

    @Test
    void aDirectoryOfOtherFilesIsNeverTakenForACache() throws IOException {
        Files.writeString(workspace.resolve("go.mod"), "module example.com/app\n");
        Files.writeString(workspace.resolve("main.go"), "package main\n");

        for (GoCaches.Kind kind : GoCaches.Kind.values()) {
            assertThatThrownBy(() -> GoCaches.requireReplaceable(kind, workspace, "goBuildCache", workspace))
                .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                    assertThat(e.problem()).contains(workspace.toString()).contains("(go.mod, main.go)");
                    assertThat(e.remedy()).contains("{@goBuildCache}").contains(workspace.resolve(".gocb").toString());
                });
        }
        assertThat(workspace.resolve("main.go")).hasContent("package main");
    }

    @Test
    void aFileIsNotACacheDirectory() throws IOException {
        Path file = Files.writeString(workspace.resolve("cache"), "x");

        assertThatThrownBy(() -> GoCaches.requireReplaceable(GoCaches.Kind.MODULES, file, "moduleCache", workspace))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("not a directory"));
    }

    @Test
    void anAbsentOrEmptyDirectoryOrACacheAsGoLaysItOutMayBeReplaced() throws IOException {
        Path modules = Files.createDirectories(workspace.resolve("gomodcache/cache/download"));
        Path build = Files.createDirectories(workspace.resolve("gobuildcache"));
        Files.writeString(build.resolve("README"), "This directory holds cached build artifacts from the Go build system.\n"
            + "Run \"go clean -cache\" if the directory is getting too large.\n");
        Path empty = Files.createDirectory(workspace.resolve("empty"));

        assertThatCode(() -> GoCaches.requireReplaceable(GoCaches.Kind.MODULES, modules.getParent().getParent(), "moduleCache", workspace))
            .doesNotThrowAnyException();
        assertThatCode(() -> GoCaches.requireReplaceable(GoCaches.Kind.BUILD, build, "goBuildCache", workspace)).doesNotThrowAnyException();
        assertThatCode(() -> GoCaches.requireReplaceable(GoCaches.Kind.BUILD, empty, "goBuildCache", workspace)).doesNotThrowAnyException();
        assertThatCode(() -> GoCaches.requireReplaceable(GoCaches.Kind.BUILD, workspace.resolve("absent"), "goBuildCache", workspace))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> GoCaches.requireReplaceable(GoCaches.Kind.BUILD, modules.getParent().getParent(), "goBuildCache", workspace))
            .isInstanceOf(InvalidBuildRequestException.class);
    }
}
