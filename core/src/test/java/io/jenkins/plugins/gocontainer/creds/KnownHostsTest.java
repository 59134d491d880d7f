package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownHostsTest {

    @TempDir
    Path dir;

    private String hostKey;

    @BeforeEach
    void hostKey() throws Exception {
        SshKeyTest.keygen(dir, "host_key", "", "-t", "ed25519");
        String[] pub = Files.readString(dir.resolve("host_key.pub")).trim().split(" ");
        hostKey = pub[0] + " " + pub[1];
    }

    @Test
    void plainEntriesMatchPort22AndBracketedEntriesTheirPort() {
        KnownHosts known = KnownHosts.parse("# comment\n\ngit.example.com,10.0.0.1 " + hostKey + "\n"
            + "[git.internal.test]:2222 " + hostKey + " comment\n");

        assertThat(known.entries()).hasSize(2);
        assertThat(known.contains("git.example.com", 22)).isTrue();
        assertThat(known.contains("GIT.example.com", 22)).isTrue();
        assertThat(known.contains("10.0.0.1", 22)).isTrue();
        assertThat(known.contains("git.example.com", 2222)).isFalse();
        assertThat(known.contains("git.internal.test", 2222)).isTrue();
        assertThat(known.contains("git.internal.test", 22)).isFalse();
    }

    @Test
    void hashedEntriesWrittenBySshKeygenAreFound() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"),
            "git.example.com " + hostKey + "\n[git.internal.test]:2222 " + hostKey + "\n");
        Process process = new ProcessBuilder("ssh-keygen", "-H", "-f", file.toString()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();

        KnownHosts known = KnownHosts.read(file);

        assertThat(known.entries()).allSatisfy(e -> assertThat(e.hosts()).startsWith("|1|"));
        assertThat(known.text()).doesNotContain("git.example.com");
        assertThat(known.contains("git.example.com", 22)).isTrue();
        assertThat(known.contains("git.internal.test", 2222)).isTrue();
        assertThat(known.contains("git.internal.test", 22)).isFalse();
        assertThat(known.contains("other.example.com", 22)).isFalse();
    }

    @Test
    void wildcardsNegationAndRevokedKeys() {
        KnownHosts known = KnownHosts.parse("*.example.com,!bad.example.com " + hostKey + "\n"
            + "@revoked revoked.test " + hostKey + "\n"
            + "@cert-authority *.corp.test " + hostKey + "\n");

        assertThat(known.contains("git.example.com", 22)).isTrue();
        assertThat(known.contains("bad.example.com", 22)).isFalse();
        assertThat(known.contains("revoked.test", 22)).isFalse();
        assertThat(known.contains("git.corp.test", 22)).isTrue();
    }

    @Test
    void missingHostGivesAClearErrorWithSshKeyscan() {
        KnownHosts known = KnownHosts.parse("git.example.com " + hostKey + "\n");

        known.requireHost("git.example.com", 22);
        assertThatThrownBy(() -> known.requireHost("git.internal.test", 2222)).isInstanceOf(GocbException.class)
            .hasMessageContaining("[git.internal.test]:2222 is not in known_hosts")
            .hasMessageContaining("ssh-keyscan -p 2222 git.internal.test")
            .hasMessageContaining("fingerprint");
    }

    @Test
    void emptyContentIsAnError() {
        assertThatThrownBy(() -> KnownHosts.parse("  \n")).isInstanceOf(GocbException.class)
            .hasMessageContaining("empty").hasMessageContaining("ssh-keyscan");
        assertThatThrownBy(() -> KnownHosts.parse("# only a comment\n")).isInstanceOf(GocbException.class)
            .hasMessageContaining("empty");
    }

    @Test
    void malformedLinesNameTheLineNumber() {
        String key = hostKey.split(" ")[1];
        assertThatThrownBy(() -> KnownHosts.parse("git.example.com " + hostKey + "\ngit.example.com ssh-ed25519\n"))
            .isInstanceOf(GocbException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> KnownHosts.parse("git.example.com ssh-foo " + key))
            .isInstanceOf(GocbException.class).hasMessageContaining("ssh-foo");
        assertThatThrownBy(() -> KnownHosts.parse("git.example.com ssh-ed25519 not*base64"))
            .isInstanceOf(GocbException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> KnownHosts.parse("git.example.com ssh-rsa " + key))
            .isInstanceOf(GocbException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> KnownHosts.parse("|1|bad " + hostKey))
            .isInstanceOf(GocbException.class).hasMessageContaining("|1|SALT|HASH");
        assertThatThrownBy(() -> KnownHosts.parse("@trusted git.example.com " + hostKey))
            .isInstanceOf(GocbException.class).hasMessageContaining("@trusted");
    }

    @Test
    void invalidLookupArgumentsAreRejected() {
        KnownHosts known = KnownHosts.parse("git.example.com " + hostKey + "\n");
        assertThatThrownBy(() -> known.contains("git.example.com", 0)).isInstanceOf(GocbException.class);
        assertThatThrownBy(() -> known.contains("ssh://git.example.com", 22)).isInstanceOf(GocbException.class)
            .hasMessageContaining("scheme");
    }

    @Test
    void unreadableFileNamesThePath() {
        Path missing = dir.resolve("missing_known_hosts");
        assertThatThrownBy(() -> KnownHosts.read(missing)).isInstanceOf(GocbException.class)
            .hasMessageContaining(missing.toString());
    }
}
