package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OciLabelsTest {

    private static final Instant COMMIT_TIME = Instant.parse("2026-11-22T03:35:00Z");
    private static final String SHA = "860c1904a1ce19322e91ac35af1ab07466440c37";

    @Test
    void labelsTheVersionRevisionCommitTimeSourceAndTitle() {
        OciLabels labels = OciLabels.of("1.2.3", SHA, COMMIT_TIME, Optional.of("https://github.com/octocat/Hello-World.git"), "hello");

        assertThat(labels.values()).containsExactly(
            Map.entry("org.opencontainers.image.created", "2026-11-22T03:35:00Z"),
            Map.entry("org.opencontainers.image.revision", SHA),
            Map.entry("org.opencontainers.image.source", "https://github.com/octocat/Hello-World.git"),
            Map.entry("org.opencontainers.image.title", "hello"),
            Map.entry("org.opencontainers.image.version", "1.2.3"));
    }

    @Test
    void createdIsTheCommitTimeUnlessSourceDateEpochIsSet() {
        assertThat(OciLabels.created(COMMIT_TIME, Map.of())).isEqualTo(COMMIT_TIME);
        // 1700000000 is 2023-11-14T22:13:20Z.
        assertThat(OciLabels.created(COMMIT_TIME, Map.of("SOURCE_DATE_EPOCH", "1700000000"))).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(OciLabels.of("1", SHA, OciLabels.created(COMMIT_TIME, Map.of("SOURCE_DATE_EPOCH", "1700000000")), Optional.empty(), "t")
            .get(OciLabels.CREATED)).contains("2023-11-14T22:13:20Z");
    }

    @Test
    void aMalformedSourceDateEpochIsAnError() {
        assertThatThrownBy(() -> OciLabels.created(COMMIT_TIME, Map.of("SOURCE_DATE_EPOCH", "yesterday")))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("SOURCE_DATE_EPOCH is not a number of seconds: 'yesterday'")
            .hasMessageContaining("git log -1 --format=%ct");
    }

    @Test
    void noSourceLabelWithoutAPublicRemote() {
        assertThat(OciLabels.of("1", SHA, COMMIT_TIME, Optional.of("/srv/git/hello.git"), "t").get(OciLabels.SOURCE)).isEmpty();
        assertThat(OciLabels.of("1", SHA, COMMIT_TIME, Optional.empty(), "t").get(OciLabels.SOURCE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://github.com/org/repo.git,                                  https://github.com/org/repo.git",
        "https://x-access-token:ghs_s3cr3t@github.com/org/repo.git,        https://github.com/org/repo.git",
        "https://gitlab-ci-token:glcbt-s3cr3t@gitlab.example.com/g/r.git,  https://gitlab.example.com/g/r.git",
        "https://user:p@ss@git.example.com:8443/scm/team/repo.git,         https://git.example.com:8443/scm/team/repo.git",
        "http://jenkins@git.internal/repo,                                 http://git.internal/repo",
        "git@github.com:org/repo.git,                                      https://github.com/org/repo.git",
        "github.com:org/repo.git,                                          https://github.com/org/repo.git",
        "ssh://git@git.example.com:2222/team/repo.git,                     https://git.example.com/team/repo.git",
        "git://git.example.com/repo.git,                                   https://git.example.com/repo.git",
        "https://github.com/org/repo.git?token=s3cr3t,                     https://github.com/org/repo.git"})
    void publishesRemotesWithoutCredentials(String remote, String published) {
        assertThat(RemoteUrl.publicUrl(remote)).contains(published);
        assertThat(published).doesNotContain("s3cr3t").doesNotContain("@");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/srv/git/repo.git", "../repo", "file:///srv/git/repo.git", "repo", "C:\\git\\repo", ""})
    void doesNotPublishLocalRemotes(String remote) {
        assertThat(RemoteUrl.publicUrl(remote)).isEmpty();
    }
}
