package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version, tags, labels and notes computed from real repositories, with the CI environment passed in. */
class TaggerTest {

    private static final Instant T1 = Instant.parse("2026-01-10T10:00:00Z");
    /** The spec's example time: 2026-11-22 03:35:00 UTC, i.e. 20261122033500 in a pseudo-version. */
    private static final Instant T2 = Instant.parse("2026-11-22T03:35:00Z");

    private final Tagger tagger = new Tagger();

    private static TagRequest request(Path dir, Map<String, String> environment) {
        return TagRequest.of(dir).withEnvironment(environment);
    }

    @Test
    void aReleaseTagAtHeadGivesItsVersionTheDefaultTagsAndLabels(@TempDir Path dir) {
        Path service = dir.resolve("hello");
        String head;
        try (GitFixture repo = GitFixture.init(service)) {
            head = repo.write("main.go", "package main\n").commit("hello", T2);
            repo.annotatedTag("v1.2.3").remote("origin", "https://jenkins:ghp_s3cr3tT0ken@github.com/acme/hello.git");
        }

        TagSet result = tagger.compute(request(service, Map.of()));

        assertThat(result.version()).isEqualTo("1.2.3");
        assertThat(result.tags()).containsExactly("1.2.3", "1.2", "1", "main", "sha-" + head.substring(0, 7), "latest");
        assertThat(result.labels().values()).containsExactly(
            Map.entry(OciLabels.CREATED, "2026-11-22T03:35:00Z"),
            Map.entry(OciLabels.REVISION, head),
            Map.entry(OciLabels.SOURCE, "https://github.com/acme/hello.git"),
            Map.entry(OciLabels.TITLE, "hello"),
            Map.entry(OciLabels.VERSION, "1.2.3"));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void anUntaggedCommitAfterAReleaseGetsAGoStylePseudoVersion(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.2.3");
            head = repo.write("a", "2").commit("two", T2);
        }

        TagSet result = tagger.compute(request(dir, Map.of()));

        assertThat(result.version()).isEqualTo("1.2.4-0.20261122033500-" + head.substring(0, 12));
        assertThat(result.tags()).containsExactly("main", "sha-" + head.substring(0, 7));
        assertThat(result.labels().get(OciLabels.VERSION)).contains(result.version());
        assertThat(result.notes()).noneMatch(note -> note.contains("fetch"));
    }

    @Test
    void aRepositoryWithoutTagsSaysTheyWereProbablyNotFetched(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            head = repo.write("a", "1").commit("one", T2);
        }

        TagSet result = tagger.compute(request(dir, Map.of("JENKINS_URL", "http://ci/", "BRANCH_NAME", "main")));

        assertThat(result.version()).isEqualTo("0.0.0-20261122033500-" + head.substring(0, 12));
        assertThat(result.notes()).anySatisfy(note -> assertThat(note)
            .contains("no tags at all").contains("git fetch --tags").contains("Advanced clone behaviours").contains("'Fetch tags'"));
    }

    @Test
    void aShallowCloneSaysHowToFetchTheHistory(@TempDir Path dir) {
        Path origin = dir.resolve("origin");
        try (GitFixture repo = GitFixture.init(origin)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.2.3");
            repo.write("a", "2").commit("two", T2);
        }
        GitFixture.gitCommand(dir, "clone", "--quiet", "--depth", "1", "file://" + origin.toAbsolutePath(), "clone");

        TagSet result = tagger.compute(request(dir.resolve("clone"), Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/heads/main")));

        assertThat(result.version()).startsWith("0.0.0-20261122033500-");
        assertThat(result.tags()).doesNotContain("1.2.3", "latest");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note)
            .contains("is shallow").contains("git fetch --unshallow --tags").contains("uncheck 'Shallow clone'").contains("fetch-depth: 0"));
    }

    @Test
    void aShallowCloneOfATagBuildNeedsNoHistory(@TempDir Path dir) {
        Path origin = dir.resolve("origin");
        try (GitFixture repo = GitFixture.init(origin)) {
            repo.write("a", "1").commit("one", T1);
            repo.write("a", "2").commit("two", T2);
            repo.annotatedTag("v2.0.0");
        }
        GitFixture.gitCommand(dir, "clone", "--quiet", "--depth", "1", "--branch", "v2.0.0", "file://" + origin.toAbsolutePath(), "clone");

        TagSet result = tagger.compute(request(dir.resolve("clone"), Map.of("TAG_NAME", "v2.0.0", "BRANCH_NAME", "v2.0.0")));

        assertThat(result.version()).isEqualTo("2.0.0");
        assertThat(result.tags()).startsWith("2.0.0", "2.0", "2").contains("latest");
        assertThat(result.notes()).noneMatch(note -> note.contains("shallow"));
    }

    @Test
    void aDetachedHeadTakesTheBranchFromJenkins(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.git("checkout", "--quiet", "--detach", "HEAD");
        }

        TagSet detached = tagger.compute(request(dir, Map.of()));
        TagSet jenkins = tagger.compute(request(dir, Map.of("JENKINS_URL", "http://ci/", "BRANCH_NAME", "feature/Foo#12")));
        TagSet freestyle = tagger.compute(request(dir, Map.of("GIT_BRANCH", "origin/release/1.x")));

        assertThat(detached.tags()).singleElement().asString().startsWith("sha-");
        assertThat(jenkins.tags()).startsWith("feature-Foo-12");
        assertThat(freestyle.tags()).startsWith("release-1.x");
    }

    @Test
    void aJenkinsPullRequestBuildIsTaggedAsThePullRequestNotAsABranch(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.git("checkout", "--quiet", "--detach", "HEAD");
        }
        TagRequest request = request(dir, Map.of("BRANCH_NAME", "PR-42", "CHANGE_ID", "42", "CHANGE_BRANCH", "feature/x"))
            .withPolicy(TagPolicy.of(List.of("type=ref,event=branch", "type=ref,event=pr"), Flavor.defaults()));

        assertThat(tagger.compute(request).tags()).containsExactly("pr-42");
    }

    @Test
    void aGitHubTagBuildUsesTheTagEvenWhenTheCloneHasNoTags(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.git("checkout", "--quiet", "--detach", "HEAD");
        }

        TagSet result = tagger.compute(request(dir, Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/tags/v2.0.8-beta.67")));

        assertThat(result.version()).isEqualTo("2.0.8-beta.67");
        assertThat(result.tags()).startsWith("2.0.8-beta.67").doesNotContain("2.0", "2", "latest");
        assertThat(result.notes()).isNotEmpty().noneMatch(note -> note.contains("no tags at all"));
    }

    @Test
    void explicitOverridesWinOverTheCiEnvironment(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
        }
        TagRequest request = request(dir, Map.of("BRANCH_NAME", "main")).withOverrides(BuildRef.of("release/2.x", "v2.1.0", null));

        TagSet result = tagger.compute(request);

        assertThat(result.version()).isEqualTo("2.1.0");
        assertThat(result.tags()).containsSubsequence("2.1.0", "2.1", "2", "release-2.x").doesNotContain("main");
    }

    @Test
    void aLightweightTagCountsLikeAnAnnotatedOne(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.lightweightTag("v0.3.0");
        }

        assertThat(tagger.compute(request(dir, Map.of())).version()).isEqualTo("0.3.0");
    }

    @Test
    void severalTagsAtHeadUseTheHighestVersionAndSaySo(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.2.3-rc.2").annotatedTag("v1.2.3").lightweightTag("ops-approved");
        }

        TagSet result = tagger.compute(request(dir, Map.of()));

        assertThat(result.version()).isEqualTo("1.2.3");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("several tags").contains("'v1.2.3' is used"));
    }

    @Test
    void aNonSemverTagAtHeadMakesNoSemverTagsAndSaysSo(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            head = repo.write("a", "1").commit("one", T2);
            repo.annotatedTag("release1");
        }

        TagSet result = tagger.compute(request(dir, Map.of()));

        assertThat(result.version()).isEqualTo("0.0.0-20261122033500-" + head.substring(0, 12));
        assertThat(result.tags()).containsExactly("main", "sha-" + head.substring(0, 7));
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("'release1' is not a semantic version"));
    }

    @Test
    void aDirtyWorkTreeMarksThePseudoVersion(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.2.3");
            head = repo.write("a", "2").commit("two", T2);
            repo.write("a", "edited");
        }

        TagSet result = tagger.compute(request(dir, Map.of()));

        assertThat(result.version()).isEqualTo("1.2.4-0.20261122033500-" + head.substring(0, 12) + ".dirty");
        assertThat(DockerTag.isValid(result.version())).isTrue();
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("uncommitted changes").contains(head.substring(0, 7)));
    }

    @Test
    void aDirtyPrereleaseGetsOneMoreIdentifier(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.lightweightTag("v1.3.0-rc.1");
            repo.write("a", "edited");
        }

        assertThat(tagger.compute(request(dir, Map.of())).version()).isEqualTo("1.3.0-rc.1.dirty");
    }

    @Test
    void aDirtyReleaseIsMarkedAsAPrereleaseOfIt(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.2.3");
            repo.write("a", "edited");
        }

        assertThat(tagger.compute(request(dir, Map.of())).version()).isEqualTo("1.2.3-dirty");
    }

    @Test
    void sourceDateEpochWinsOverTheCommitTimeAndATitleCanBeGiven(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T2);
        }

        TagSet result = tagger.compute(request(dir, Map.of("SOURCE_DATE_EPOCH", "1700000000")).withTitle("greeter"));

        assertThat(result.labels().get(OciLabels.CREATED)).contains("2023-11-14T22:13:20Z");
        assertThat(result.labels().get(OciLabels.TITLE)).contains("greeter");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("no 'origin' remote"));
    }

    @Test
    void requireSemverPassesOnAReleaseTag(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v3.0.0");
        }

        assertThat(tagger.compute(request(dir, Map.of()).withRequireSemver(true)).version()).isEqualTo("3.0.0");
    }

    @Test
    void requireSemverFailsOnAnUntaggedCommitSayingHowToTagIt(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("v1.0.0");
            head = repo.write("a", "2").commit("two", T2);
        }

        assertThatThrownBy(() -> tagger.compute(request(dir, Map.of()).withRequireSemver(true)))
            .isInstanceOf(SemverRequiredException.class)
            .hasMessageContaining("commit " + head.substring(0, 7) + " has no semantic-version tag")
            .hasMessageContaining("no tag points at it")
            .hasMessageContaining("git tag -a v1.2.3");
    }

    @Test
    void requireSemverFailsOnATaglessCloneSayingHowToFetchTags(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
        }

        assertThatThrownBy(() -> tagger.compute(request(dir, Map.of("BRANCH_NAME", "main")).withRequireSemver(true)))
            .isInstanceOf(SemverRequiredException.class)
            .hasMessageContaining("no tags at all")
            .hasMessageContaining("git fetch --tags")
            .hasMessageContaining("'Fetch tags'");
    }

    @Test
    void requireSemverFailsOnANonSemverTag(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("a", "1").commit("one", T1);
            repo.annotatedTag("release1");
        }

        assertThatThrownBy(() -> tagger.compute(request(dir, Map.of()).withRequireSemver(true)))
            .isInstanceOf(SemverRequiredException.class)
            .hasMessageContaining("'release1' is not a semantic version");
    }

    @Test
    void aServiceInAMonorepoIsTitledByItsDirectory(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("services/greeter/go.mod", "module example.com/greeter\n").commit("greeter", T1);
        }

        TagSet result = tagger.compute(request(dir.resolve("services/greeter"), Map.of()));

        assertThat(result.labels().get(OciLabels.TITLE)).contains("greeter");
    }
}
