package io.jenkins.plugins.gocontainer.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TagPolicy} makes tags from.
 *
 * @param commit        the full SHA of the commit being built
 * @param ref           the branch, git tag and pull request being built
 * @param defaultBranch the repository's default branch, for {@code type=edge}; {@code main} is assumed when unknown
 */
public record TagInputs(String commit, BuildRef ref, Optional<String> defaultBranch) {

    public TagInputs {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
    }

    public String shortCommit() {
        return commit.substring(0, Math.min(GitFacts.SHORT_COMMIT_LENGTH, commit.length()));
    }
}
