package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DockerTagTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"latest", "1.2.3", "v2.0.8-beta.67", "sha-860c190", "_private", "UPPER_lower-1.x", "0"})
    void acceptsTheDistributionSpecGrammar(String tag) {
        assertThat(DockerTag.isValid(tag)).isTrue();
        assertThat(DockerTag.problem(tag)).isEmpty();
    }

    @Test
    void acceptsExactly128Characters() {
        assertThat(DockerTag.isValid("a".repeat(128))).isTrue();
        assertThat(DockerTag.problem("a".repeat(129))).contains("it is 129 characters long; the limit is 128");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "feature/x       | it contains '/'",
        "a b#c           | it contains ' ' '#'",
        "1.2.3+build     | it contains '+'",
        "caf\u00e9       | it contains '\u00e9'",
        ".hidden         | it starts with '.'",
        "-dash           | it starts with '-'"})
    void explainsWhyATagIsInvalid(String tag, String problem) {
        assertThat(DockerTag.isValid(tag)).isFalse();
        assertThat(DockerTag.problem(tag)).hasValueSatisfying(text -> assertThat(text).startsWith(problem));
    }

    @Test
    void anEmptyTagIsInvalid() {
        assertThat(DockerTag.problem("")).contains("it is empty");
    }

    /** metadata-action's sanitisation (src/meta.ts sanitizeTag) and its README and fixture examples. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "my/branch           | my-branch",
        "my/feature#1245     | my-feature-1245",
        "feature/Foo#12      | feature-Foo-12",
        "dependabot/go_modules/golang.org/x/net-0.23.0 | dependabot-go_modules-golang.org-x-net-0.23.0",
        "a//b                | a-b",
        ".hidden             | hidden",
        "--x                 | x",
        "/leading            | leading",
        "caf\u00e9-au-lait   | caf--au-lait"})
    void sanitisesNamesIntoTags(String name, String tag) {
        assertThat(DockerTag.sanitize(name, DockerTag.MAX_LENGTH)).isEqualTo(tag);
        assertThat(DockerTag.isValid(tag)).isTrue();
    }

    @Test
    void sanitisingCutsToTheGivenLength() {
        String branch = "feature/" + "x".repeat(200);

        String tag = DockerTag.sanitize(branch, DockerTag.MAX_LENGTH);

        assertThat(tag).hasSize(128).startsWith("feature-xxx");
        assertThat(DockerTag.sanitize(branch, 10)).isEqualTo("feature-xx");
    }

    @Test
    void aNameWithNothingUsableSanitisesToNothing() {
        assertThat(DockerTag.sanitize("///", 128)).isEmpty();
        assertThat(DockerTag.sanitize("-.-", 128)).isEmpty();
    }
}
