package io.jenkins.plugins.gocontainer.registry;

import java.util.List;

/** Some tags were placed and then one failed for good: the set is incomplete, and this says exactly how. */
public class PushTagsIncompleteException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final List<String> tagged;
    private final List<String> notTagged;

    public PushTagsIncompleteException(String target, String digest, List<String> tagged, List<String> notTagged, RegistryException cause) {
        super("tagging " + target + " stopped: tagged " + (tagged.isEmpty() ? "nothing" : String.join(", ", tagged))
                + "; NOT tagged " + String.join(", ", notTagged) + " (all should point at " + digest + ")",
            "tag " + notTagged.get(0) + " failed after retries: " + cause.problem(),
            "fix the cause, then run the same push-tags again: it is idempotent and skips tags already in place", cause);
        this.tagged = List.copyOf(tagged);
        this.notTagged = List.copyOf(notTagged);
    }

    public List<String> tagged() {
        return tagged;
    }

    public List<String> notTagged() {
        return notTagged;
    }
}
