package io.jenkins.plugins.gocontainer.registry;

import java.util.Optional;

/** What {@link TagPusher} did with one tag. */
public record TagOutcome(String tag, Action action, Optional<String> previousDigest) {

    public enum Action {
        /** The tag did not exist. */
        CREATED,
        /** The tag pointed at other content and now points at the source. */
        MOVED,
        /** The tag already pointed at the source: nothing was sent. */
        UNCHANGED
    }
}
