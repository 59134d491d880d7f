package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CiEnvironmentTest {

    @Test
    void noCiVariablesMeansNothingIsKnown() {
        CiEnvironment ci = CiEnvironment.detect(Map.of("HOME", "/root", "PATH", "/usr/bin"));

        assertThat(ci.provider()).isEqualTo(CiEnvironment.Provider.NONE);
        assertThat(ci.ref().isEmpty()).isTrue();
    }

    /** GITHUB_REF values of metadata-action's fixtures (event_push_*.env, event_tag_*.env, event_pull_request.env). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "refs/heads/master,            master,           -,                -",
        "refs/heads/my/feature#1245,   my/feature#1245,  -,                -",
        "refs/tags/v2.0.8-beta.67,     -,                v2.0.8-beta.67,   -",
        "refs/tags/p1/v1.0.0,          -,                p1/v1.0.0,        -",
        "refs/pull/15/merge,           -,                -,                15",
        "refs/pull/15/head,            -,                -,                15"})
    void readsGitHubRef(String githubRef, String branch, String tag, String pullRequest) {
        CiEnvironment ci = CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", githubRef));

        assertThat(ci.provider()).isEqualTo(CiEnvironment.Provider.GITHUB_ACTIONS);
        assertThat(ci.ref()).isEqualTo(BuildRef.of(branch, tag, pullRequest));
    }

    @Test
    void jenkinsMultibranchBranchTagAndPullRequest() {
        assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "http://ci/", "BRANCH_NAME", "feature/login")).ref())
            .isEqualTo(BuildRef.branch("feature/login"));
        assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "http://ci/", "BRANCH_NAME", "v1.2.3", "TAG_NAME", "v1.2.3")).ref())
            .isEqualTo(BuildRef.tag("v1.2.3"));
        assertThat(CiEnvironment.detect(Map.of("JENKINS_URL", "http://ci/", "BRANCH_NAME", "PR-42", "CHANGE_ID", "42", "CHANGE_BRANCH", "feature/login")).ref())
            .isEqualTo(BuildRef.pullRequest("42"));
    }

    @ParameterizedTest(name = "GIT_BRANCH={0}")
    @CsvSource({"origin/main, main", "origin/feature/x, feature/x", "refs/remotes/origin/release/1.x, release/1.x", "main, main"})
    void jenkinsGitPluginBranchWithoutTheRemote(String gitBranch, String branch) {
        CiEnvironment ci = CiEnvironment.detect(Map.of("GIT_BRANCH", gitBranch));

        assertThat(ci.provider()).isEqualTo(CiEnvironment.Provider.JENKINS);
        assertThat(ci.ref()).isEqualTo(BuildRef.branch(branch));
    }

    @Test
    void jenkinsBranchNameWinsOverGitBranch() {
        assertThat(CiEnvironment.detect(Map.of("BRANCH_NAME", "main", "GIT_BRANCH", "origin/other")).ref()).isEqualTo(BuildRef.branch("main"));
    }

    @Test
    void gitLabBranchTagMergeRequestAndDefaultBranch() {
        CiEnvironment branch = CiEnvironment.detect(Map.of("GITLAB_CI", "true", "CI_COMMIT_BRANCH", "main", "CI_DEFAULT_BRANCH", "trunk"));
        CiEnvironment tag = CiEnvironment.detect(Map.of("GITLAB_CI", "true", "CI_COMMIT_TAG", "v1.2.3", "CI_COMMIT_REF_NAME", "v1.2.3"));
        CiEnvironment mergeRequest = CiEnvironment.detect(Map.of("GITLAB_CI", "true", "CI_MERGE_REQUEST_IID", "7", "CI_COMMIT_REF_NAME", "feature"));

        assertThat(branch.provider()).isEqualTo(CiEnvironment.Provider.GITLAB_CI);
        assertThat(branch.ref()).isEqualTo(BuildRef.branch("main"));
        assertThat(branch.defaultBranch()).contains("trunk");
        assertThat(tag.ref()).isEqualTo(BuildRef.tag("v1.2.3"));
        assertThat(mergeRequest.ref()).isEqualTo(BuildRef.pullRequest("7"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        CiEnvironment ci = CiEnvironment.detect(Map.of("BRANCH_NAME", "main", "TAG_NAME", " ", "CHANGE_ID", ""));

        assertThat(ci.ref()).isEqualTo(new BuildRef(Optional.of("main"), Optional.empty(), Optional.empty()));
    }

    @Test
    void overridesWinPartByPart() {
        BuildRef ci = BuildRef.of("main", null, null);

        assertThat(BuildRef.of(null, "v1.0.0", null).or(ci)).isEqualTo(BuildRef.of("main", "v1.0.0", null));
        assertThat(BuildRef.of("release", null, null).or(ci)).isEqualTo(BuildRef.branch("release"));
    }
}
