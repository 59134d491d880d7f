package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthChallengeTest {

    @Test
    void parsesADockerHubStyleBearerChallenge() {
        AuthChallenge challenge = AuthChallenge.parse(
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/golang:pull,push\"").orElseThrow();

        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.realm()).contains("https://auth.docker.io/token");
        assertThat(challenge.service()).contains("registry.docker.io");
        assertThat(challenge.scope()).as("commas inside quotes belong to the value").contains("repository:library/golang:pull,push");
    }

    @Test
    void parsesBasicWithUnquotedAndEscapedValues() {
        AuthChallenge challenge = AuthChallenge.parse("basic realm=\"Registry \\\"prod\\\"\", charset=UTF-8").orElseThrow();

        assertThat(challenge.isBasic()).isTrue();
        assertThat(challenge.realm()).contains("Registry \"prod\"");
        assertThat(challenge.parameters()).containsEntry("charset", "UTF-8");
    }

    @Test
    void schemeIsCaseInsensitiveAndMissingHeaderIsEmpty() {
        assertThat(AuthChallenge.parse("BEARER realm=\"http://127.0.0.1:1/token\"").orElseThrow().isBearer()).isTrue();
        assertThat(AuthChallenge.parse(null)).isEmpty();
        assertThat(AuthChallenge.parse("  ")).isEmpty();
    }
}
