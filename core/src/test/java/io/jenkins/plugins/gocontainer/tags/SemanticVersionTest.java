package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // tag,                        major, minor, patch, prerelease,    version (what {{version}} gives)
        "v1.2.3,                       1,     2,     3,     '',            1.2.3",
        "1.2.3,                        1,     2,     3,     '',            1.2.3",
        "v2.0.8-beta.67,               2,     0,     8,     beta.67,       2.0.8-beta.67",
        "v9.5.7-alpha.2+fork.3.1.8,    9,     5,     7,     alpha.2,       9.5.7-alpha.2",
        "v1.0.0+20130313144700,        1,     0,     0,     '',            1.0.0",
        "v101.12.13,                   101,   12,    13,    '',            101.12.13",
        "0.0.0--,                      0,     0,     0,     -,             0.0.0--",
        "1.0.0-0A.is.legal,            1,     0,     0,     0A.is.legal,   1.0.0-0A.is.legal"})
    void parsesTheSemverGrammarWithAnOptionalV(String tag, long major, long minor, long patch, String prerelease, String version) {
        SemanticVersion parsed = SemanticVersion.tryParse(tag).orElseThrow();

        assertThat(parsed.major()).isEqualTo(major);
        assertThat(parsed.minor()).isEqualTo(minor);
        assertThat(parsed.patch()).isEqualTo(patch);
        assertThat(String.join(".", parsed.prerelease())).isEqualTo(prerelease);
        assertThat(parsed.isPrerelease()).isEqualTo(!prerelease.isEmpty());
        assertThat(parsed.version()).isEqualTo(version);
        assertThat(parsed.raw()).isEqualTo(tag);
    }

    /** Tags from metadata-action's fixtures that are not semantic versions, and semver.org's invalid examples. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"release1", "sometag", "20200110-RC2", "1.2", "v1.2", "p1/v1.0.0", "1.0dev4", "1.2.3rc2", "V1.2.3",
        "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-", "1.2.3+", "1.2.3-beta..1", "v1.2.3.4", "",
        "99999999999999999999.0.0"})
    void rejectsWhatIsNotASemanticVersion(String tag) {
        assertThat(SemanticVersion.tryParse(tag)).isEmpty();
    }

    @Test
    void ordersByPrecedenceAsSemverOrgDefinesIt() {
        // The example chain of semver.org, section 11.
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");

        List<String> sorted = Stream.of("10.0.0", "1.0.0-beta.11", "1.0.0", "1.0.0-alpha.beta", "2.0.0", "1.0.0-alpha", "1.1.0",
                "1.0.0-rc.1", "1.0.1", "1.0.0-beta", "1.0.0-alpha.1", "1.0.0-beta.2")
            .map(text -> SemanticVersion.tryParse(text).orElseThrow()).sorted().map(SemanticVersion::version).toList();

        assertThat(sorted).isEqualTo(ascending);
    }

    @Test
    void buildMetadataDoesNotChangePrecedence() {
        assertThat(SemanticVersion.tryParse("v1.0.0+build.1").orElseThrow())
            .isEqualByComparingTo(SemanticVersion.tryParse("1.0.0+other").orElseThrow());
    }

    @Test
    void addsAPrereleaseIdentifierAfterTheExistingOnes() {
        assertThat(SemanticVersion.tryParse("v1.2.3").orElseThrow().withPrereleaseIdentifier("dirty").version()).isEqualTo("1.2.3-dirty");
        assertThat(SemanticVersion.tryParse("v1.2.3-rc.1").orElseThrow().withPrereleaseIdentifier("dirty").version()).isEqualTo("1.2.3-rc.1.dirty");
    }
}
