package io.jenkins.plugins.gocontainer.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * What a save did.
 *
 * @param bytes the size of the archive written; 0 when the entry was already present
 */
public record SaveResult(Outcome outcome, String key, long bytes, Duration duration) {

    public enum Outcome { SAVED, ALREADY_PRESENT }

    public SaveResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(duration, "duration");
    }
}
