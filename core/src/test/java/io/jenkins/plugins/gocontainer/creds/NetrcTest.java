package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetrcTest {

    private static final String TOKEN = "glpat-Zx9_secretTOKEN";

    @TempDir
    Path parent;

    @Test
    void entryReadsTheTokenFromTheNamedVariable() {
        Netrc.Entry entry = Netrc.entryFromEnvironment("Git.Example.com", "oauth2", "GIT_TOKEN",
            Map.of("GIT_TOKEN", TOKEN, "OTHER", "x"));

        assertThat(entry.host()).isEqualTo("git.example.com");
        assertThat(entry.login()).isEqualTo("oauth2");
        assertThat(entry.token()).isEqualTo(TOKEN);
        assertThat(entry.toString()).doesNotContain(TOKEN);
    }

    @Test
    void textHasOneMachineBlockPerHostThatParsesBack() {
        Netrc netrc = Netrc.of(List.of(new Netrc.Entry("a.example.com", "u1", "t1-secret"),
            new Netrc.Entry("b.example.com", "u2", "t2-secret")));

        List<String> tokens = List.of(netrc.text().split("\\s+"));

        assertThat(tokens).containsExactly("machine", "a.example.com", "login", "u1", "password", "t1-secret",
            "machine", "b.example.com", "login", "u2", "password", "t2-secret");
        assertThat(netrc.secrets()).containsExactly("t1-secret", "t2-secret");
        assertThat(netrc.toString()).doesNotContain("t1-secret").doesNotContain("t2-secret");
    }

    @Test
    void missingVariableNamesTheVariableAndHowToSetIt() {
        assertThatThrownBy(() -> Netrc.entryFromEnvironment("git.example.com", "oauth2", "GIT_TOKEN",
            Map.of("OTHER_TOKEN", TOKEN)))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("GIT_TOKEN").hasMessageContaining("not set").hasMessageContaining("withCredentials")
            .hasMessageNotContaining(TOKEN);
    }

    @Test
    void emptyVariableIsAnError() {
        assertThatThrownBy(() -> Netrc.entryFromEnvironment("git.example.com", "oauth2", "GIT_TOKEN",
            Map.of("GIT_TOKEN", "  ")))
            .isInstanceOf(GocbException.class).hasMessageContaining("GIT_TOKEN").hasMessageContaining("empty");
    }

    @Test
    void aTokenGivenInsteadOfAVariableNameIsNotEchoed() {
        String token = "ghp/abc+def=secret";
        assertThatThrownBy(() -> Netrc.entryFromEnvironment("git.example.com", "oauth2", token, Map.of()))
            .isInstanceOf(GocbException.class).hasMessageContaining("not a valid environment variable name");
    }

    @Test
    void hostWithoutTokenIsAClearError() {
        assertThatThrownBy(() -> new Netrc.Entry("git.example.com", "oauth2", null))
            .isInstanceOf(GocbException.class).hasMessageContaining("git.example.com").hasMessageContaining("no token");
        assertThatThrownBy(() -> new Netrc.Entry("git.example.com", "oauth2", ""))
            .isInstanceOf(GocbException.class).hasMessageContaining("no token");
    }

    @Test
    void tokenWithWhiteSpaceIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> new Netrc.Entry("git.example.com", "oauth2", TOKEN + "\n"))
            .isInstanceOf(GocbException.class).hasMessageContaining("white space").hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://git.example.com", "git.example.com/team", "git.example.com:443", "bad_host.com",
        "-lead.example.com", "a..b", ""})
    void invalidHostsAreRejected(String host) {
        assertThatThrownBy(() -> new Netrc.Entry(host, "oauth2", TOKEN))
            .isInstanceOf(GocbException.class).hasMessageContaining("host").hasMessageNotContaining(TOKEN);
    }

    @Test
    void userInfoInTheHostIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> new Netrc.Entry("user:" + TOKEN + "@git.example.com", "oauth2", "t"))
            .isInstanceOf(GocbException.class).hasMessageNotContaining(TOKEN);
    }

    @Test
    void loginWithSpacesIsRejected() {
        assertThatThrownBy(() -> new Netrc.Entry("git.example.com", "my user", TOKEN))
            .isInstanceOf(GocbException.class).hasMessageContaining("login");
    }

    @Test
    void duplicateAndMissingHostsAreRejected() {
        Netrc.Entry entry = new Netrc.Entry("git.example.com", "u", TOKEN);
        assertThatThrownBy(() -> Netrc.of(List.of(entry, new Netrc.Entry("GIT.example.com", "v", "other-token"))))
            .isInstanceOf(GocbException.class).hasMessageContaining("twice").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> Netrc.of(List.of())).isInstanceOf(GocbException.class);
    }

    @Test
    void writeToMasksTheTokenOnItsOwnAndWritesA0600File() throws Exception {
        SecretMasker masker = SecretMasker.none();
        Netrc netrc = Netrc.of(List.of(new Netrc.Entry("git.example.com", "oauth2", TOKEN)));
        try (SecretDirectory dir = SecretDirectory.create(parent, masker)) {
            Path file = netrc.writeTo(dir);

            assertThat(file.getFileName().toString()).isEqualTo(Netrc.SECRET_ID);
            assertThat(Files.readString(file)).isEqualTo(netrc.text());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(masker.mask("fatal: could not read " + TOKEN)).doesNotContain(TOKEN);
    }
}
