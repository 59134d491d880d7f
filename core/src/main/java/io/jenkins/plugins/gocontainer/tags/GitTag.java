package io.jenkins.plugins.gocontainer.tags;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** A git tag by its short name ({@code v1.2.3}); annotated tags are tag objects, lightweight ones plain refs. */
public record GitTag(String name, boolean annotated) {

    /**
     * Semantic versions first, highest first; then the other names in alphabetical order. The first tag
     * of a commit in this order is the one its version and tag rules are made from.
     */
    public static final Comparator<GitTag> PREFERRED_FIRST = Comparator
        .comparing((GitTag tag) -> tag.version().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(GitTag::name);

    public GitTag {
        Objects.requireNonNull(name, "name");
    }

    public Optional<SemanticVersion> version() {
        return SemanticVersion.tryParse(name);
    }
}
