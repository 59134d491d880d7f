package io.jenkins.plugins.gocontainer.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a tag policy, in docker/metadata-action's syntax (see {@link TagRuleParser}). Each kind of
 * rule turns the build's ref and commit into at most one tag.
 */
public sealed interface TagRule {

    Options options();

    /** The rule as written, for messages. */
    default String text() {
        return options().text();
    }

    /**
     * What every rule has.
     *
     * @param prefix a prefix of this rule; when absent, the flavor's prefix applies (an empty prefix disables it)
     * @param suffix likewise
     */
    record Options(String text, int priority, boolean enabled, Optional<String> prefix, Optional<String> suffix) {
        public Options {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
        }
    }

    /**
     * {@code type=semver,pattern=...}: tags from the build's git tag when it is a semantic version.
     *
     * @param value a version to use instead of the git tag
     * @param match a regular expression whose first group (else whole match) is the version within the tag
     */
    record Semver(Options options, String pattern, Optional<String> value, Optional<String> match) implements TagRule {
        public static final int DEFAULT_PRIORITY = 900;
    }

    /** {@code type=edge}: {@code edge} for builds of the default branch (or of {@code branch}). */
    record Edge(Options options, Optional<String> branch) implements TagRule {
        public static final int DEFAULT_PRIORITY = 700;
    }

    /** {@code type=ref,event=branch|tag|pr}: the branch name, the git tag, or the pull request number. */
    record Ref(Options options, RefEvent event) implements TagRule {
        public static final int DEFAULT_PRIORITY = 600;
    }

    /** {@code type=raw,value=...}: a fixed tag; may use {@code {{branch}}}, {@code {{tag}}} and {@code {{sha}}}. */
    record Raw(Options options, String value) implements TagRule {
        public static final int DEFAULT_PRIORITY = 200;
    }

    /** {@code type=sha}: the commit, short (7 characters) or long; prefix {@code sha-} unless set. */
    record Sha(Options options, boolean longFormat) implements TagRule {
        public static final int DEFAULT_PRIORITY = 100;
    }

    /** The refs a {@link Ref} rule reacts to. */
    enum RefEvent {
        BRANCH, TAG, PR
    }
}
