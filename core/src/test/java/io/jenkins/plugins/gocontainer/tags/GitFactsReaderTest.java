package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Git facts read from real repositories made in temporary directories, checked against the git command. */
class GitFactsReaderTest {

    private static final Instant T1 = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-20T11:30:00Z");
    private static final Instant T3 = Instant.parse("2026-03-30T12:45:30Z");

    private final GitFactsReader reader = new GitFactsReader();

    @Test
    void readsHeadItsCommitTimeAndItsAnnotatedAndLightweightTags(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("main.go", "package main\n").commit("first", T1);
            repo.annotatedTag("v1.0.0");
            String head = repo.write("main.go", "package main // 2\n").commit("second", T2);
            repo.annotatedTag("v1.2.3").lightweightTag("deployed-staging").lightweightTag("v1.2.3-rc.1");

            GitFacts facts = reader.read(dir);

            assertThat(facts.commit()).isEqualTo(head).isEqualTo(repo.git("rev-parse", "HEAD"));
            assertThat(facts.shortCommit()).isEqualTo(repo.git("rev-parse", "--short=7", "HEAD"));
            assertThat(facts.commitTime()).isEqualTo(T2).isEqualTo(Instant.ofEpochSecond(Long.parseLong(repo.git("log", "-1", "--format=%ct"))));
            assertThat(facts.headTags()).containsExactly(
                new GitTag("v1.2.3", true), new GitTag("v1.2.3-rc.1", false), new GitTag("deployed-staging", false));
            assertThat(repo.git("tag", "--points-at", "HEAD").lines()).containsExactlyInAnyOrder("v1.2.3", "v1.2.3-rc.1", "deployed-staging");
            assertThat(repo.git("cat-file", "-t", "v1.2.3")).isEqualTo("tag");
            assertThat(repo.git("cat-file", "-t", "deployed-staging")).isEqualTo("commit");
            assertThat(facts.headTag()).contains(new GitTag("v1.2.3", true));
            assertThat(facts.branch()).contains("main");
            assertThat(facts.hasTags()).isTrue();
            assertThat(facts.shallow()).isFalse();
            assertThat(facts.dirty()).isFalse();
            assertThat(facts.workTree()).isEqualTo(dir.toAbsolutePath().normalize());
        }
    }

    @Test
    void findsTheRepositoryFromAServiceDirectoryInAMonorepo(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            String head = repo.write("services/hello/go.mod", "module example.com/hello\n").commit("hello", T1);

            GitFacts facts = reader.read(dir.resolve("services/hello"));

            assertThat(facts.commit()).isEqualTo(head);
            assertThat(facts.workTree()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(facts.directory()).isEqualTo(dir.resolve("services/hello").toAbsolutePath().normalize());
        }
    }

    @Test
    void dirtyMeansChangedTrackedFilesNotUntrackedOnes(@TempDir Path dir) throws Exception {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("main.go", "package main\n").commit("first", T1);

            repo.write("bin/server", "built output");
            assertThat(reader.read(dir).dirty()).as("untracked file only").isFalse();

            repo.write("main.go", "package main // edited\n");
            assertThat(reader.read(dir).dirty()).as("modified tracked file").isTrue();
            assertThat(repo.git("status", "--porcelain", "--untracked-files=no")).isNotEmpty();

            repo.git("checkout", "--", "main.go");
            Files.delete(dir.resolve("main.go"));
            assertThat(reader.read(dir).dirty()).as("deleted tracked file").isTrue();
        }
    }

    @Test
    void detachedHeadHasNoBranch(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            String head = repo.write("a", "1").commit("first", T1);
            repo.git("checkout", "--quiet", "--detach", "HEAD");

            GitFacts facts = reader.read(dir);

            assertThat(facts.branch()).isEmpty();
            assertThat(facts.commit()).isEqualTo(head);
        }
    }

    @Test
    void releasedVersionIsTheHighestVersionTagAmongHeadsAncestors(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.0.0");
            repo.write("a", "2").commit("two", T2);
            repo.lightweightTag("v1.1.0-rc.1").lightweightTag("not-a-version");
            repo.branch("next").write("b", "next").commit("on next", T2);
            repo.annotatedTag("v2.0.0");
            repo.checkout("main").write("a", "3").commit("three", T3);

            GitFacts onMain = reader.read(dir);
            repo.checkout("next");
            GitFacts onNext = reader.read(dir);

            assertThat(onMain.headTags()).isEmpty();
            assertThat(onMain.releasedVersion()).map(SemanticVersion::version).contains("1.1.0-rc.1");
            assertThat(onNext.releasedVersion()).map(SemanticVersion::version).contains("2.0.0");
        }
    }

    @Test
    void aDepthOneCloneIsShallowAndHasNoOlderTags(@TempDir Path dir) {
        Path origin = dir.resolve("origin");
        String head;
        try (GitFixture repo = GitFixture.init(origin)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.0.0");
            head = repo.write("a", "2").commit("two", T2);
        }
        GitFixture.gitCommand(dir, "clone", "--quiet", "--depth", "1", "file://" + origin.toAbsolutePath(), "clone");
        assertThat(dir.resolve("clone/.git/shallow")).exists();

        GitFacts facts = reader.read(dir.resolve("clone"));

        assertThat(facts.shallow()).isTrue();
        assertThat(facts.commit()).isEqualTo(head);
        assertThat(facts.hasTags()).isFalse();
        assertThat(facts.releasedVersion()).isEmpty();
        assertThat(facts.originUrl()).contains("file://" + origin.toAbsolutePath());
        assertThat(facts.defaultBranch()).contains("main");
    }

    @Test
    void aTagOutsideAShallowHistoryIsNotTakenForAnAncestor(@TempDir Path dir) {
        Path origin = dir.resolve("origin");
        try (GitFixture repo = GitFixture.init(origin)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.0.0");
            repo.branch("side").write("b", "side").commit("side", T2);
            repo.annotatedTag("v9.0.0");
            repo.checkout("main").write("a", "2").commit("two", T2);
            repo.write("a", "3").commit("three", T3);
        }
        Path clone = dir.resolve("clone");
        GitFixture.gitCommand(dir, "clone", "--quiet", "--depth", "2", "file://" + origin.toAbsolutePath(), "clone");
        GitFixture.gitCommand(clone, "fetch", "--quiet", "--depth", "1", "origin", "tag", "v9.0.0");

        GitFacts facts = reader.read(clone);

        assertThat(facts.shallow()).isTrue();
        assertThat(facts.hasTags()).isTrue();
        assertThat(facts.releasedVersion()).isEmpty();
    }

    @Test
    void aCompleteCloneIsNotShallowAndHasItsTags(@TempDir Path dir) {
        Path origin = dir.resolve("origin");
        try (GitFixture repo = GitFixture.init(origin)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.0.0");
            repo.write("a", "2").commit("two", T2);
        }
        GitFixture.gitCommand(dir, "clone", "--quiet", "file://" + origin.toAbsolutePath(), "clone");

        GitFacts facts = reader.read(dir.resolve("clone"));

        assertThat(facts.shallow()).isFalse();
        assertThat(facts.hasTags()).isTrue();
        assertThat(facts.releasedVersion()).map(SemanticVersion::version).contains("1.0.0");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsAnErrorNamingIt(@TempDir Path dir) {
        Path service = dir.resolve("hello");
        assertThat(service.toFile().mkdirs()).isTrue();

        assertThatThrownBy(() -> reader.read(service))
            .isInstanceOf(NotAGitRepositoryException.class)
            .hasMessageStartingWith("not a git repository: " + service.toAbsolutePath().normalize())
            .hasMessageContaining("Fix: ");
    }

    @Test
    void aMissingDirectoryIsAnErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(GocbException.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aRepositoryWithoutCommitsIsAnError(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            assertThatThrownBy(() -> reader.read(repo.directory())).isInstanceOf(GocbException.class).hasMessageContaining("has no commit yet");
        }
    }
}
