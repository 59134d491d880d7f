package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.InvalidImageReferenceException;

import java.util.List;
import java.util.Objects;

/**
 * The result: the version of the commit, its image tags highest priority first, its OCI labels, and notes
 * (warnings that did not stop the computation, such as a shallow clone).
 */
public record TagSet(String version, List<String> tags, OciLabels labels, List<String> notes) {

    public TagSet {
        Objects.requireNonNull(version, "version");
        tags = List.copyOf(tags);
        Objects.requireNonNull(labels, "labels");
        notes = List.copyOf(notes);
    }

    /** {@code repository:tag} for every tag, each checked as an image reference. */
    public List<String> imageReferences(String repository) {
        ImageReference parsed = ImageReference.parse(repository);
        if (parsed.tag() != null || parsed.digest() != null) {
            throw new InvalidImageReferenceException(repository, "give the repository without tag or digest; the tags are computed");
        }
        return tags.stream().map(tag -> ImageReference.parse(repository + ":" + tag)).map(reference -> repository + ":" + reference.tag()).toList();
    }
}
