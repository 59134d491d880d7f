package io.jenkins.plugins.gocontainer.tags;

import java.util.List;

/** The tags a {@link TagPolicy} made, highest priority first, and what it has to say about them. */
public record PolicyResult(List<String> tags, List<String> notes) {

    public PolicyResult {
        tags = List.copyOf(tags);
        notes = List.copyOf(notes);
    }
}
