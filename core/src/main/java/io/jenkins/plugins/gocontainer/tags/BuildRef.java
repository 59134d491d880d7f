package io.jenkins.plugins.gocontainer.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * What is being built, as a CI system or the user names it: a branch, a git tag, a pull request, or a
 * combination (a branch build whose commit is tagged). Each part is absent when unknown.
 */
public record BuildRef(Optional<String> branch, Optional<String> tag, Optional<String> pullRequest) {

    private static final BuildRef NONE = new BuildRef(Optional.empty(), Optional.empty(), Optional.empty());

    public BuildRef {
        branch = nonBlank(branch);
        tag = nonBlank(tag);
        pullRequest = nonBlank(pullRequest);
    }

    public static BuildRef none() {
        return NONE;
    }

    public static BuildRef branch(String name) {
        return new BuildRef(Optional.ofNullable(name), Optional.empty(), Optional.empty());
    }

    public static BuildRef tag(String name) {
        return new BuildRef(Optional.empty(), Optional.ofNullable(name), Optional.empty());
    }

    public static BuildRef pullRequest(String id) {
        return new BuildRef(Optional.empty(), Optional.empty(), Optional.ofNullable(id));
    }

    /** Explicit overrides; {@code null} or blank means "not overridden". */
    public static BuildRef of(String branch, String tag, String pullRequest) {
        return new BuildRef(Optional.ofNullable(branch), Optional.ofNullable(tag), Optional.ofNullable(pullRequest));
    }

    public boolean isEmpty() {
        return branch.isEmpty() && tag.isEmpty() && pullRequest.isEmpty();
    }

    /** Each part from this ref, or from {@code fallback} where this one has none. */
    public BuildRef or(BuildRef fallback) {
        return new BuildRef(branch.or(fallback::branch), tag.or(fallback::tag), pullRequest.or(fallback::pullRequest));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return Objects.requireNonNull(value).map(String::strip).filter(text -> !text.isEmpty());
    }
}
