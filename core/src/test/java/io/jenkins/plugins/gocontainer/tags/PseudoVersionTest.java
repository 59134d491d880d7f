package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PseudoVersionTest {

    /** pseudoTime of golang.org/x/mod/module/pseudo_test.go. */
    private static final Instant PSEUDO_TIME = ZonedDateTime.of(2006, 1, 2, 15, 4, 5, 0, ZoneOffset.UTC).toInstant();

    /**
     * pseudoTests of golang.org/x/mod/module/pseudo_test.go for major v0, without Go's leading 'v' and without
     * build metadata ('+' is not allowed in image tags): v1.0.0+metadata gives v1.0.1-0.20060102150405-hash+metadata in Go.
     */
    @ParameterizedTest(name = "after {0}")
    @CsvSource({
        "'',                        0.0.0-20060102150405-hash",
        "v0.0.0,                    0.0.1-0.20060102150405-hash",
        "v1.2.3,                    1.2.4-0.20060102150405-hash",
        "v1.2.99999999999999999,    1.2.100000000000000000-0.20060102150405-hash",
        "v1.2.3-pre,                1.2.3-pre.0.20060102150405-hash",
        "v1.3.0-pre,                1.3.0-pre.0.20060102150405-hash",
        "v0.0.0--,                  0.0.0--.0.20060102150405-hash",
        "v1.0.0+metadata,           1.0.1-0.20060102150405-hash",
        "v2.0.0+incompatible,       2.0.1-0.20060102150405-hash",
        "v2.3.0-pre+incompatible,   2.3.0-pre.0.20060102150405-hash"})
    void followsGo(String older, String expected) {
        Optional<SemanticVersion> base = older.isEmpty() ? Optional.empty() : Optional.of(SemanticVersion.tryParse(older).orElseThrow());

        assertThat(PseudoVersion.of(base, PSEUDO_TIME, "hash").version()).isEqualTo(expected);
    }

    @Test
    void usesTheCommitTimeInUtcAndTwelveHexDigitsOfTheCommit() {
        Instant commitTime = ZonedDateTime.of(2026, 11, 22, 4, 35, 0, 0, ZoneOffset.ofHours(1)).toInstant();
        String commit = "abcdef1234567890abcdef1234567890abcdef12";

        SemanticVersion version = PseudoVersion.of(SemanticVersion.tryParse("v1.2.3"), commitTime, commit);

        assertThat(version.version()).isEqualTo("1.2.4-0.20261122033500-abcdef123456");
        assertThat(DockerTag.isValid(version.version())).isTrue();
        assertThat(PseudoVersion.of(Optional.empty(), commitTime, commit).version()).isEqualTo("0.0.0-20261122033500-abcdef123456");
    }

    @Test
    void sortsAfterTheReleaseItFollowsAndBeforeTheNextOne() {
        SemanticVersion pseudo = PseudoVersion.of(SemanticVersion.tryParse("v1.2.3"), PSEUDO_TIME, "abcdef123456");

        assertThat(pseudo).isGreaterThan(SemanticVersion.tryParse("1.2.3").orElseThrow());
        assertThat(pseudo).isLessThan(SemanticVersion.tryParse("1.2.4").orElseThrow());
        assertThat(pseudo).isLessThan(SemanticVersion.tryParse("1.2.4-rc.1").orElseThrow());
    }
}
