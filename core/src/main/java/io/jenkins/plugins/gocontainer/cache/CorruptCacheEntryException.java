package io.jenkins.plugins.gocontainer.cache;

/**
 * A cache archive that must not be trusted: its bytes do not match the recorded digest or size,
 * it is not a well-formed archive, or it would write outside the directory it is restored into.
 * Stores discard such an entry and report a miss.
 */
public class CorruptCacheEntryException extends CacheException {

    private static final long serialVersionUID = 1L;

    public CorruptCacheEntryException(String problem, String reason) {
        super(problem, reason, "nothing to do: the entry is ignored and the next save writes it again");
    }

    public CorruptCacheEntryException(String problem, String reason, Throwable cause) {
        super(problem, reason, "nothing to do: the entry is ignored and the next save writes it again", cause);
    }
}
