package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.GocbException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoVersionTest {

    /** Strictly increasing, as the go command orders them (internal/gover's tests). */
    private static final List<String> ASCENDING = List.of("1", "1.2", "1.9", "1.10", "1.19.9", "1.20beta1", "1.20rc1", "1.20rc2", "1.20",
            "1.20.1", "1.21", "1.21alpha1", "1.21beta1", "1.21rc1", "1.21rc2", "1.21.0", "1.21.1", "1.21.10", "1.22", "1.22.0", "1.26.3", "2.0");

    @Test
    void ordersVersionsAsTheGoCommandDoes() {
        List<GoVersion> shuffled = new ArrayList<>(ASCENDING.stream().map(GoVersion::parse).toList());
        Collections.shuffle(shuffled, new Random(42));
        Collections.sort(shuffled);

        assertThat(shuffled).extracting(GoVersion::toString).containsExactlyElementsOf(ASCENDING.stream()
                .map(v -> v.equals("1") ? "1.0" : v).toList());
        for (int i = 1; i < ASCENDING.size(); i++) {
            assertThat(GoVersion.parse(ASCENDING.get(i - 1))).as("%s < %s", ASCENDING.get(i - 1), ASCENDING.get(i))
                    .isLessThan(GoVersion.parse(ASCENDING.get(i)));
        }
    }

    @Test
    void aLanguageVersionIsBelowItsReleaseCandidatesWhichAreBelowTheRelease() {
        GoVersion language = GoVersion.parse("1.21");
        GoVersion candidate = GoVersion.parse("1.21rc1");
        GoVersion release = GoVersion.parse("1.21.0");

        assertThat(candidate.isAtLeast(language)).as("go1.21rc1 may build a module with `go 1.21`").isTrue();
        assertThat(candidate.isAtLeast(release)).as("go1.21rc1 may not build one with `go 1.21.0`").isFalse();
        assertThat(release.isAtLeast(candidate)).isTrue();
        assertThat(language).isNotEqualTo(release);
        assertThat(release.language()).isEqualTo(language);
        assertThat(GoVersion.parse("1.21.3").language()).hasToString("1.21");
    }

    @Test
    void beforeGo121AMissingPatchMeansZero() {
        assertThat(GoVersion.parse("1.20")).isEqualTo(GoVersion.parse("1.20.0")).hasToString("1.20");
        assertThat(GoVersion.parse("1.9")).isEqualByComparingTo(GoVersion.parse("1.9.0"));
        assertThat(GoVersion.parse("1.9")).isLessThan(GoVersion.parse("1.10"));
    }

    @Test
    void readsToolchainNamesAsGoPrintsThem() {
        assertThat(GoVersion.parse("go1.26.3")).isEqualTo(GoVersion.parse("1.26.3"));
        assertThat(GoVersion.ofToolchain("go1.26.8")).hasToString("1.26.8");
        assertThat(GoVersion.ofToolchain("go1.26.8 X:nocoverageredesign")).hasToString("1.26.8");
        assertThat(GoVersion.ofToolchain("go1.21.3-bigcorp")).hasToString("1.21.3");
        assertThat(GoVersion.ofToolchain("go1.22rc1")).hasToString("1.22rc1");
        assertThat(GoVersion.ofToolchain("devel go1.27-1a2b3c4d Tue Nov 24 10:00:00 2026 +0000")).hasToString("1.27");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.21", "1.021", "1.21.", "1.21.3rc1", "1.21RC1", "one.two", "1..2", "go"})
    void rejectsWhatIsNotAGoVersion(String text) {
        assertThatThrownBy(() -> GoVersion.parse(text)).isInstanceOf(GocbException.class)
                .hasMessageContaining("is not a Go version").hasMessageContaining("1.21.3");
    }

    @Test
    void saysWhenAToolchainPrintsNoVersion() {
        assertThatThrownBy(() -> GoVersion.ofToolchain("command not found")).isInstanceOf(GocbException.class)
                .hasMessageContaining("cannot read a Go version in 'command not found'");
    }
}
