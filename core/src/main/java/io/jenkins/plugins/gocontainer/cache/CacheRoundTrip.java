package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.exec.OutputSink;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Restores a directory cache before work that fills it and saves it afterwards when the exact key
 * missed (entries are immutable), logging what happened in one line each: hit or miss, key, size.
 */
public final class CacheRoundTrip {

    private final CacheStore store;
    private final CacheKey key;
    private final String what;
    private RestoreResult restored;

    public CacheRoundTrip(CacheStore store, CacheKey key, String what) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.what = what;
    }

    public RestoreResult restore(Path directory, OutputSink log) throws InterruptedException {
        restored = store.restore(key, directory);
        restored.warning().ifPresent(warning -> log.line("gocb: warning: " + warning));
        log.line("gocb: " + what + " cache " + switch (restored.outcome()) {
            case EXACT_HIT -> "hit " + restored.matchedKey().orElseThrow();
            case PREFIX_HIT -> "partial hit " + restored.matchedKey().orElseThrow() + " (no entry for " + key.key() + " yet)";
            case MISS -> "miss " + key.key();
        } + (restored.isHit() ? ", " + restored.bytes() + " bytes in " + restored.duration().toMillis() + " ms" : ""));
        return restored;
    }

    public boolean hadExactHit() {
        return restored != null && restored.outcome() == RestoreResult.Outcome.EXACT_HIT;
    }

    /** Saves unless the restore found this exact key. */
    public SaveResult saveIfMissed(Path directory, OutputSink log) throws InterruptedException {
        if (hadExactHit()) {
            return new SaveResult(SaveResult.Outcome.ALREADY_PRESENT, key.key(), 0, java.time.Duration.ZERO);
        }
        SaveResult saved = store.save(key, directory);
        log.line("gocb: " + what + " cache " + (saved.outcome() == SaveResult.Outcome.SAVED
            ? "saved as " + saved.key() + ", " + saved.bytes() + " bytes in " + saved.duration().toMillis() + " ms"
            : "already saved as " + saved.key()));
        return saved;
    }

    public CacheKey key() {
        return key;
    }
}
