package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "alpine,                                    docker.io,                 library/alpine, -,      -",
        "alpine:3.20,                               docker.io,                 library/alpine, 3.20,   -",
        "user/app,                                  docker.io,                 user/app,       -,      -",
        "user/app:v1,                               docker.io,                 user/app,       v1,     -",
        "docker.io/alpine,                          docker.io,                 library/alpine, -,      -",
        "index.docker.io/library/alpine:edge,       docker.io,                 library/alpine, edge,   -",
        "registry-1.docker.io/user/app,             docker.io,                 user/app,       -,      -",
        "registry.example.com/team/svc:1.2.3,       registry.example.com,      team/svc,       1.2.3,  -",
        "registry.example.com:5000/team/sub/svc,    registry.example.com:5000, team/sub/svc,   -,      -",
        "127.0.0.1:5000/hello:it-1,                 127.0.0.1:5000,            hello,          it-1,   -",
        "localhost/app,                             localhost,                 app,            -,      -",
        "localhost:5000/app:latest,                 localhost:5000,            app,            latest, -",
        "[::1]:5000/app:1,                          [::1]:5000,                app,            1,      -",
        "[::1]/app,                                 [::1],                     app,            -,      -",
        "Registry.Example.com/app,                  Registry.Example.com,      app,            -,      -",
        "a_b/c__d/e-f/g.h/i---j,                    docker.io,                 a_b/c__d/e-f/g.h/i---j, -, -"})
    void parsesAndNormalises(String text, String registry, String repository, String tag, String digest) {
        ImageReference reference = ImageReference.parse(text);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
        assertThat(reference.tag()).isEqualTo(tag);
        assertThat(reference.digest()).isEqualTo(digest);
        assertThat(reference.name()).isEqualTo(registry + "/" + repository);
        assertThat(reference.tagOptional()).isEqualTo(java.util.Optional.ofNullable(tag));
    }

    @Test
    void parsesTagAndDigestTogether() {
        ImageReference reference = ImageReference.parse("registry.example.com:5000/team/svc:1.2.3@" + DIGEST);

        assertThat(reference.registry()).isEqualTo("registry.example.com:5000");
        assertThat(reference.repository()).isEqualTo("team/svc");
        assertThat(reference.tag()).isEqualTo("1.2.3");
        assertThat(reference.digest()).isEqualTo(DIGEST);
        assertThat(reference.digestOptional()).contains(DIGEST);
    }

    @Test
    void parsesADigestWithoutTag() {
        ImageReference reference = ImageReference.parse("alpine@" + DIGEST);

        assertThat(reference.name()).isEqualTo("docker.io/library/alpine");
        assertThat(reference.tag()).isNull();
        assertThat(reference.digest()).isEqualTo(DIGEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpine", "user/app:v1", "localhost:5000/app:latest", "[::1]:5000/app:1",
        "registry.example.com:5000/team/svc:1.2.3@" + DIGEST, "127.0.0.1:5000/hello@" + DIGEST})
    void toStringParsesBackToTheSameReference(String text) {
        ImageReference reference = ImageReference.parse(text);

        assertThat(ImageReference.parse(reference.toString())).isEqualTo(reference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com:5000/team/svc:1.2.3@" + DIGEST, "127.0.0.1:5000/hello:1", "docker.io/library/alpine:3"})
    void toStringOfACanonicalReferenceIsTheReference(String canonical) {
        assertThat(ImageReference.parse(canonical)).hasToString(canonical);
    }

    @Test
    void toStringNamesDockerHubImagesInFull() {
        assertThat(ImageReference.parse("alpine:3")).hasToString(ImageReference.DOCKER_HUB + "/library/alpine:3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5000/x", "127.0.0.1/x", "127.1.2.3:5000/x", "localhost/x", "localhost:5000/x", "[::1]:5000/x", "[::1]/x"})
    void recognisesLoopbackRegistries(String text) {
        assertThat(ImageReference.parse(text).isLoopbackRegistry()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpine", "user/app", "registry.example.com:5000/x", "10.0.0.1:5000/x", "192.168.1.27:5000/x",
        "[fe80::1]:5000/x", "localhost.example.com/x", "mylocalhost:5000/x"})
    void otherRegistriesAreNotLoopback(String text) {
        assertThat(ImageReference.parse(text).isLoopbackRegistry()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1:5000/x, 127.0.0.1", "registry.example.com/x, registry.example.com", "[::1]:5000/x, [::1]",
        "[::1]/x, [::1]", "localhost:5000/x, localhost", "alpine, docker.io"})
    void hostIsTheRegistryWithoutPort(String text, String host) {
        assertThat(ImageReference.parse(text).host()).isEqualTo(host);
    }

    @Test
    void withTagReplacesTheTagAndKeepsTheName() {
        ImageReference original = ImageReference.parse("127.0.0.1:5000/team/app:1.0");

        ImageReference retagged = original.withTag("2.0");

        assertThat(retagged.name()).isEqualTo(original.name());
        assertThat(retagged.tag()).isEqualTo("2.0");
        assertThat(retagged).hasToString(original.name() + ":2.0");
        assertThat(original.tag()).isEqualTo("1.0");
    }

    @Test
    void withTagAddsATagToAnUntaggedName() {
        ImageReference tagged = ImageReference.parse("alpine").withTag("latest");

        assertThat(tagged.name()).isEqualTo("docker.io/library/alpine");
        assertThat(tagged.tag()).isEqualTo("latest");
    }

    @Test
    void withTagRejectsAnInvalidTag() {
        assertThatThrownBy(() -> ImageReference.parse("alpine").withTag("not valid"))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("not valid");
    }

    @Test
    void withDigestPinsTheName() {
        ImageReference tagged = ImageReference.parse("127.0.0.1:5000/hello:1");

        ImageReference pinned = tagged.withDigest(DIGEST);

        assertThat(pinned.name()).isEqualTo(tagged.name());
        assertThat(pinned.digest()).isEqualTo(DIGEST);
        assertThat(pinned).hasToString(tagged.name() + "@" + DIGEST);
    }

    @Test
    void withDigestRejectsSomethingThatIsNotADigest() {
        assertThatThrownBy(() -> ImageReference.parse("alpine").withDigest("sha256:1234"))
            .isInstanceOf(InvalidImageReferenceException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MyApp                          | lower case",
        "registry.example.com/Team/app  | lower case",
        "app:bad!tag                    | bad!tag",
        "app:-dash                      | -dash",
        "app@sha256:abc                 | sha256:abc",
        "app@md5                        | md5",
        "a//b                           | empty path component",
        "/app                           | empty path component",
        "registry.example.com/          | empty path component",
        "app/                           | empty path component",
        ":1.0                           | repository name is missing",
        "app_/x                         | app_",
        "-app                           | -app",
        "bad_host.example.com:99999999/x | bad_host.example.com:99999999"})
    void rejectsInvalidReferencesNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> ImageReference.parse(text))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("'" + text + "'")
            .hasMessageContaining(problem);
    }

    @Test
    void rejectsAnUpperCaseDigest() {
        String upper = "sha256:" + "0123456789ABCDEF".repeat(4);

        assertThatThrownBy(() -> ImageReference.parse("alpine@" + upper))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("lower-case hex");
    }

    @Test
    void rejectsASha256DigestOfTheWrongLength() {
        String tooLong = DIGEST + "0";

        assertThatThrownBy(() -> ImageReference.parse("alpine@" + tooLong))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("64");
    }

    @Test
    void rejectsEmptyAndBlankReferences() {
        for (String empty : new String[] {"", "   ", null}) {
            assertThatThrownBy(() -> ImageReference.parse(empty))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageContaining("empty");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpine ", " alpine", "alpine\n", "\talpine:3"})
    void rejectsSurroundingWhiteSpace(String text) {
        assertThatThrownBy(() -> ImageReference.parse(text))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("white space");
    }

    @Test
    void acceptsA128CharacterTagAndRejects129() {
        String longest = "t".repeat(128);
        String tooLong = "t".repeat(129);

        assertThat(ImageReference.parse("app:" + longest).tag()).isEqualTo(longest);
        assertThatThrownBy(() -> ImageReference.parse("app:" + tooLong))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("tag '" + tooLong + "'");
    }

    @Test
    void acceptsA255CharacterNameAndRejectsALongerOne() {
        String registry = "registry.example.com/";
        String longest = registry + "a".repeat(255 - registry.length());
        String tooLong = registry + "a".repeat(256 - registry.length());

        assertThat(ImageReference.parse(longest + ":1").name()).hasSize(255);
        assertThatThrownBy(() -> ImageReference.parse(tooLong + ":1"))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("longer than 255");
    }

    @Test
    void countsTheNormalisedDockerHubNameAgainstTheLimit() {
        // "docker.io/library/" is added to a one-component name before the length check.
        String name = "a".repeat(255 - "docker.io/".length());

        assertThatThrownBy(() -> ImageReference.parse(name))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("longer than 255");
    }

    @Test
    void theExceptionExplainsTheGrammarAndAFix() {
        assertThatThrownBy(() -> ImageReference.parse("Bad"))
            .isInstanceOfSatisfying(InvalidImageReferenceException.class, e -> {
                assertThat(e.problem()).contains("'Bad'");
                assertThat(e.reason()).isNotBlank();
                assertThat(e.remedy()).isNotBlank();
                assertThat(e.getMessage()).contains(e.problem(), e.reason(), e.remedy());
            });
    }
}
