package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.tags.OciLabels;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.GitFactsReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The time a build gives its image: {@code SOURCE_DATE_EPOCH} when the environment sets it, else
 * the commit's time. Never the wall clock, so that two builds of one commit, on two fresh builders,
 * give one digest. A context outside git without {@code SOURCE_DATE_EPOCH} has no such time, and
 * gets the builder's clock, as with docker build.
 */
final class SourceDateEpoch {

    private SourceDateEpoch() {
    }

    static Optional<Instant> of(Optional<TagSet> tags, Map<String, String> environment, Path moduleRoot) {
        String given = environment.get("SOURCE_DATE_EPOCH");
        if (given != null && !given.isBlank()) {
            return Optional.of(OciLabels.created(Instant.EPOCH, environment));
        }
        if (tags.isPresent()) {
            return tags.get().labels().get(OciLabels.CREATED).map(Instant::parse);
        }
        return new GitFactsReader().headCommitTime(moduleRoot);
    }
}
