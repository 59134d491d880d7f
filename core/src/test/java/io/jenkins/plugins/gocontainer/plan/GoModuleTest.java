package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoModuleTest {

    @TempDir
    Path directory;

    @Test
    void readsModuleGoToolchainAndRequirements() throws IOException {
        Path goMod = write("""
            module example.com/acme/greeter

            go 1.22.3

            toolchain go1.23.1

            require (
            \tgithub.com/google/uuid v1.6.0
            \tgolang.org/x/sync v0.7.0 // indirect
            )
            """);

        GoModule module = GoModule.read(goMod);

        assertThat(module.goMod()).isEqualTo(goMod);
        assertThat(module.directory()).isEqualTo(directory);
        assertThat(module.modulePath()).isEqualTo("example.com/acme/greeter");
        assertThat(module.goVersion()).isEqualTo("1.22.3");
        assertThat(module.toolchain()).contains("1.23.1");
        assertThat(module.hasRequirements()).isTrue();
    }

    @Test
    void aModuleWithoutRequireOrToolchainHasNeither() throws IOException {
        GoModule module = GoModule.read(write("module hello\n\ngo 1.26\n"));

        assertThat(module.modulePath()).isEqualTo("hello");
        assertThat(module.goVersion()).isEqualTo("1.26");
        assertThat(module.toolchain()).isEmpty();
        assertThat(module.hasRequirements()).isFalse();
    }

    @Test
    void aSingleLineRequireCounts() throws IOException {
        GoModule module = GoModule.read(write("module hello\ngo 1.21\nrequire github.com/google/uuid v1.6.0\n"));

        assertThat(module.hasRequirements()).isTrue();
    }

    @Test
    void ignoresComments() throws IOException {
        GoModule module = GoModule.read(write("""
            // module commented.example/out
            // go 1.10
            // require github.com/commented/out v1.0.0
            module example.com/real // the real one
            go 1.21 // the real go version
            // toolchain go1.99.0
            """));

        assertThat(module.modulePath()).isEqualTo("example.com/real");
        assertThat(module.goVersion()).isEqualTo("1.21");
        assertThat(module.toolchain()).isEmpty();
        assertThat(module.hasRequirements()).isFalse();
    }

    @Test
    void acceptsAQuotedModulePathAndIndentedDirectives() throws IOException {
        GoModule module = GoModule.read(write("  module \"example.com/quoted\"\r\n  go 1.20\r\n"));

        assertThat(module.modulePath()).isEqualTo("example.com/quoted");
        assertThat(module.goVersion()).isEqualTo("1.20");
    }

    @Test
    void aMissingModuleDirectiveIsReportedWithTheFile() throws IOException {
        Path goMod = write("go 1.22\n");

        assertThatThrownBy(() -> GoModule.read(goMod))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(goMod.toString()).contains("module directive");
                assertThat(e.remedy()).contains("go mod init");
            });
    }

    @Test
    void aMissingGoDirectiveIsReportedWithTheFile() throws IOException {
        Path goMod = write("module example.com/x\n");

        assertThatThrownBy(() -> GoModule.read(goMod))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(goMod.toString()).contains("go directive");
                assertThat(e.remedy()).contains("go 1.");
            });
    }

    @Test
    void anUnreadableFileIsAnIoError() {
        assertThatThrownBy(() -> GoModule.read(directory.resolve("go.mod"))).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @CsvSource({"1.22, 1.22", "1.22.3, 1.22", "1.26.0, 1.26", "1.23rc1, 1.23", "1.21beta2, 1.21"})
    void builderImageTagIsMajorDotMinor(String goVersion, String tag) throws IOException {
        GoModule module = GoModule.read(write("module m\ngo " + goVersion + "\n"));

        assertThat(module.goVersion()).isEqualTo(goVersion);
        assertThat(module.builderImageTag()).isEqualTo(tag);
    }

    @ParameterizedTest
    @CsvSource({"example.com/acme/greeter, greeter", "example.com/acme/greeter/v2, greeter", "github.com/x/y/v10, y", "hello, hello",
        "example.com/my+tool, my-tool"})
    void binaryNameIsTheLastNonVersionElement(String modulePath, String binary) {
        GoModule module = new GoModule(directory.resolve("go.mod"), modulePath, "1.22", Optional.empty(), false);

        assertThat(module.binaryName()).isEqualTo(binary);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("go.mod"), content);
    }
}
