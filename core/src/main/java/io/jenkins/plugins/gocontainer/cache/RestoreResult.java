package io.jenkins.plugins.gocontainer.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a restore did.
 *
 * @param matchedKey the key of the entry restored; empty on a miss
 * @param bytes      the size of the archive restored; 0 on a miss
 * @param warning    set when a corrupt entry was found and ignored (and, where the store can, deleted)
 */
public record RestoreResult(Outcome outcome, Optional<String> matchedKey, long bytes, Duration duration, Optional<String> warning) {

    public enum Outcome { EXACT_HIT, PREFIX_HIT, MISS }

    public RestoreResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(matchedKey, "matchedKey");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warning, "warning");
        if (matchedKey.isPresent() == (outcome == Outcome.MISS)) {
            throw new IllegalArgumentException("a hit names the key it matched, and a miss none: " + outcome + " " + matchedKey);
        }
    }

    public static RestoreResult miss(Duration duration, Optional<String> warning) {
        return new RestoreResult(Outcome.MISS, Optional.empty(), 0, duration, warning);
    }

    public boolean isHit() {
        return outcome != Outcome.MISS;
    }
}
