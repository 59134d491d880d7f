package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitHostFormsTest {

    @Test
    void sshHostDefaultsToUserGitOnPort22() {
        assertThat(GitSshHost.parse("github.com")).isEqualTo(new GitSshHost("git", "github.com", 22));
        assertThat(GitSshHost.parse("root@git.internal.test:2222")).isEqualTo(new GitSshHost("root", "git.internal.test", 2222));
        assertThat(GitSshHost.parse("git@github.com").toString()).isEqualTo("git@github.com");
    }

    @Test
    void badSshHostsAreExplained() {
        assertThatThrownBy(() -> GitSshHost.parse("ssh://git@github.com")).isInstanceOf(GocbException.class).hasMessageContaining("is not an SSH git host");
        assertThatThrownBy(() -> GitSshHost.parse("git@host:99999")).isInstanceOf(GocbException.class);
        assertThatThrownBy(() -> GitSshHost.parse("bad user@host")).isInstanceOf(GocbException.class).hasMessageContaining("not valid");
    }

    @Test
    void rewriteSplitsAtTheFirstEqualsSign() {
        GitRewrite rewrite = GitRewrite.parse("https://git.example.com/=ssh://git@git.example.com:2222/");

        assertThat(rewrite).isEqualTo(new GitRewrite("https://git.example.com/", "ssh://git@git.example.com:2222/"));
        assertThat(new GitInsteadOf().rewrite(rewrite).text())
            .isEqualTo("[url \"ssh://git@git.example.com:2222/\"]\n\tinsteadOf = https://git.example.com/\n");
    }

    @Test
    void rewritesRefuseNonUrlsAndPasswords() {
        assertThatThrownBy(() -> GitRewrite.parse("git.example.com")).hasMessageContaining("is not a git URL rewrite");
        assertThatThrownBy(() -> GitRewrite.parse("https://a/=not a url")).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> GitRewrite.parse("https://a/=https://user:tok@b/")).hasMessageContaining("carries a password");
    }
}
