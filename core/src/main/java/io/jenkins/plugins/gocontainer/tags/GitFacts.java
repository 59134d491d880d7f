package io.jenkins.plugins.gocontainer.tags;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the repository says about the commit being built.
 *
 * @param directory        the directory that was read (a service may live in a sub-directory of the repository)
 * @param workTree         the repository's top-level directory
 * @param commit           HEAD's full SHA-1
 * @param commitTime       HEAD's committer time (what Go's pseudo-versions and {@code vcs.time} use)
 * @param headTags         the tags pointing at HEAD, preferred first ({@link GitTag#PREFERRED_FIRST})
 * @param branch           HEAD's branch, or empty when HEAD is detached (the usual CI checkout)
 * @param dirty            tracked files differ from HEAD (untracked files do not count, as for {@code git describe --dirty})
 * @param shallow          the clone is shallow ({@code .git/shallow} exists): history and tags beyond its depth are missing
 * @param hasTags          the repository has at least one tag
 * @param releasedVersion  the highest semantic-version tag reachable from HEAD, the base of a pseudo-version
 * @param originUrl        the {@code origin} remote's URL as configured (may hold credentials)
 * @param defaultBranch    the remote's default branch, from {@code refs/remotes/origin/HEAD}, when the clone recorded it
 */
public record GitFacts(
    Path directory,
    Path workTree,
    String commit,
    Instant commitTime,
    List<GitTag> headTags,
    Optional<String> branch,
    boolean dirty,
    boolean shallow,
    boolean hasTags,
    Optional<SemanticVersion> releasedVersion,
    Optional<String> originUrl,
    Optional<String> defaultBranch) {

    public static final int SHORT_COMMIT_LENGTH = 7;

    public GitFacts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(workTree, "workTree");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(commitTime, "commitTime");
        headTags = headTags.stream().sorted(GitTag.PREFERRED_FIRST).toList();
    }

    /** The first 7 characters of the commit, as {@code type=sha} and {@code git log --oneline} show it. */
    public String shortCommit() {
        return commit.substring(0, SHORT_COMMIT_LENGTH);
    }

    /** The tag HEAD is known by: the highest semantic version among its tags, else the first by name. */
    public Optional<GitTag> headTag() {
        return headTags.stream().findFirst();
    }
}
