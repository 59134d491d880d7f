package io.jenkins.plugins.gocontainer.tags;

import java.util.Optional;

/**
 * Explains clones that cannot show a commit's version: shallow ones, and ones without tags (Jenkins
 * multibranch, GitHub's actions/checkout and GitLab fetch neither full history nor tags by default).
 */
final class CloneAdvice {

    private CloneAdvice() {
    }

    /** Why the version could not be found in this clone, or empty when the clone is complete. */
    static Optional<String> problem(GitFacts facts) {
        if (facts.shallow()) {
            return Optional.of("the clone at " + facts.workTree() + " is shallow (.git/shallow exists): history and tags beyond the clone depth are missing" + (facts.hasTags() ? "" : ", and the clone has no tags at all"));
        }
        if (!facts.hasTags()) {
            return Optional.of("the repository has no tags at all, which usually means they were not fetched"
                + " (Jenkins multibranch does not fetch tags unless told to)");
        }
        return Optional.empty();
    }

    /** What to do about {@link #problem}: the git commands, and the setting of the CI system. */
    static String remedy(GitFacts facts, CiEnvironment.Provider provider) {
        StringBuilder advice = new StringBuilder(facts.shallow() ? "run 'git fetch --unshallow --tags'" : "run 'git fetch --tags'");
        advice.append(" before this step; in Jenkins: the job's Git or branch source > Behaviours > Advanced clone behaviours > check 'Fetch tags'");
        if (facts.shallow()) {
            advice.append(" and uncheck 'Shallow clone'");
        }
        if (provider == CiEnvironment.Provider.GITHUB_ACTIONS) {
            advice.append("; in GitHub Actions: actions/checkout with 'fetch-depth: 0'");
        } else if (provider == CiEnvironment.Provider.GITLAB_CI) {
            advice.append("; in GitLab CI: set the variable GIT_DEPTH: 0 and GIT_FETCH_EXTRA_FLAGS: --tags");
        }
        return advice.toString();
    }
}
