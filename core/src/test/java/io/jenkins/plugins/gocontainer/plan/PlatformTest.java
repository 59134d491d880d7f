package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "linux/amd64,    amd64,    -",
        "linux/arm64,    arm64,    -",
        "linux/arm64/v8, arm64,    v8",
        "linux/arm/v6,   arm,      v6",
        "linux/arm/v7,   arm,      v7",
        "linux/amd64/v3, amd64,    v3",
        "linux/386,      386,      -",
        "linux/ppc64le,  ppc64le,  -",
        "linux/s390x,    s390x,    -",
        "linux/riscv64,  riscv64,  -",
        "linux/mips64le, mips64le, -",
        "linux/loong64,  loong64,  -"})
    void parsesValidPlatforms(String text, String architecture, String variant) {
        Platform platform = Platform.parse(text);

        assertThat(platform.os()).isEqualTo("linux");
        assertThat(platform.architecture()).isEqualTo(architecture);
        assertThat(platform.variant()).isEqualTo(variant);
        assertThat(platform).hasToString(text);
    }

    @Test
    void ignoresSurroundingWhiteSpace() {
        assertThat(Platform.parse("  linux/arm64 \n")).isEqualTo(new Platform("linux", "arm64", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linux", "amd64", "linux/arm/v7/extra", "linux/amd64/v3/x/y"})
    void rejectsTheWrongNumberOfParts(String text) {
        assertThatThrownBy(() -> Platform.parse(text))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains("'" + text + "'");
                assertThat(e.reason()).contains("os/arch");
                assertThat(e.remedy()).contains("{@platforms}");
            });
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Platform.parse(null)).isInstanceOf(InvalidBuildRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows/amd64", "darwin/arm64", "Linux/amd64"})
    void rejectsOtherOperatingSystems(String text) {
        String os = text.substring(0, text.indexOf('/'));

        assertThatThrownBy(() -> Platform.parse(text))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.reason()).contains("'" + os + "'").contains("Linux"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/sparc", "linux/x86_64", "linux/", "linux/AMD64"})
    void rejectsUnknownArchitectures(String text) {
        String arch = text.substring(text.indexOf('/') + 1);

        assertThatThrownBy(() -> Platform.parse(text))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.reason()).contains("'" + arch + "'").contains("amd64"));
    }

    @ParameterizedTest
    @CsvSource({"linux/arm/v8, v6", "linux/arm64/v7, v8", "linux/amd64/v1, v2"})
    void rejectsUnknownVariantsListingTheKnownOnes(String text, String aKnownVariant) {
        String variant = text.substring(text.lastIndexOf('/') + 1);

        assertThatThrownBy(() -> Platform.parse(text))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class,
                e -> assertThat(e.reason()).contains("'" + variant + "'").contains("known: ").contains(aKnownVariant));
    }

    @Test
    void rejectsAVariantForAnArchitectureThatHasNone() {
        assertThatThrownBy(() -> Platform.parse("linux/386/v1"))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.reason()).contains("386").contains("'v1'"));
    }
}
