package io.jenkins.plugins.gocontainer.cache;

import java.nio.file.Path;

/**
 * Where directory caches (Go's module and build caches) outlive the agents that fill them.
 * Entries are immutable: a key is saved once, and saving it again is a no-op.
 */
public interface CacheStore {

    /**
     * Restores the entry for the exact key, else the newest entry starting with the first restore
     * prefix that has any, into {@code target}, replacing its contents. On a miss the target is left
     * untouched. A corrupt entry is never restored: it is reported in the result's warning.
     */
    RestoreResult restore(CacheKey key, Path target) throws InterruptedException;

    /** Saves {@code source} under the exact key, unless an entry for that key already exists. */
    SaveResult save(CacheKey key, Path source) throws InterruptedException;
}
