package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitInsteadOfTest {

    @TempDir
    Path dir;

    /** Asks real git how it rewrites a URL under the generated config. */
    private String rewrite(GitInsteadOf config, String url) throws Exception {
        Path file = Files.writeString(dir.resolve("gitconfig"), config.text());
        Process process = new ProcessBuilder("git", "config", "--file", file.toString(), "--get-regexp", "insteadof")
            .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        String best = url;
        int bestLength = 0;
        for (String line : out.lines().toList()) {
            // url.<base>.insteadof <prefix>
            String key = line.substring(0, line.indexOf(' '));
            String prefix = line.substring(line.indexOf(' ') + 1);
            String base = key.substring("url.".length(), key.length() - ".insteadof".length());
            if (url.startsWith(prefix) && prefix.length() > bestLength) {
                best = base + url.substring(prefix.length());
                bestLength = prefix.length();
            }
        }
        return best;
    }

    @Test
    void sshHostsRewriteHttpsToSsh() throws Exception {
        GitInsteadOf config = new GitInsteadOf().ssh("Git.Internal.test");

        assertThat(rewrite(config, "https://git.internal.test/team/secretlib.git"))
            .isEqualTo("ssh://git@git.internal.test/team/secretlib.git");
        assertThat(rewrite(config, "https://github.com/a/b")).isEqualTo("https://github.com/a/b");
    }

    @Test
    void sshHostOnAnotherPortAndUser() throws Exception {
        GitInsteadOf config = new GitInsteadOf().ssh("git.internal.test", 2222, "gitolite");
        assertThat(rewrite(config, "https://git.internal.test/x.git")).isEqualTo("ssh://gitolite@git.internal.test:2222/x.git");
    }

    @Test
    void tokenHostsRewriteSshFormsToHttps() throws Exception {
        GitInsteadOf config = new GitInsteadOf().https("git.example.com");

        assertThat(rewrite(config, "git@git.example.com:team/lib.git")).isEqualTo("https://git.example.com/team/lib.git");
        assertThat(rewrite(config, "ssh://git@git.example.com/team/lib.git")).isEqualTo("https://git.example.com/team/lib.git");
    }

    @Test
    void aHostCannotBeBothSshAndHttps() {
        GitInsteadOf config = new GitInsteadOf().ssh("git.example.com");
        assertThatThrownBy(() -> config.https("git.example.com")).isInstanceOf(GocbException.class)
            .hasMessageContaining("twice");
    }

    @Test
    void hostsAndUsersAreValidated() {
        assertThatThrownBy(() -> new GitInsteadOf().ssh("https://git.example.com/")).isInstanceOf(GocbException.class)
            .hasMessageContaining("scheme");
        assertThatThrownBy(() -> new GitInsteadOf().ssh("git.example.com", 70000, "git")).isInstanceOf(GocbException.class);
        assertThatThrownBy(() -> new GitInsteadOf().ssh("git.example.com", 22, "a b")).isInstanceOf(GocbException.class);
        assertThat(new GitInsteadOf().isEmpty()).isTrue();
    }
}
