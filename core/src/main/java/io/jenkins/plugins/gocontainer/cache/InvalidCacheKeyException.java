package io.jenkins.plugins.gocontainer.cache;

/** A cache key or restore prefix that cannot name a cache entry. */
public class InvalidCacheKeyException extends CacheException {

    private static final long serialVersionUID = 1L;

    public InvalidCacheKeyException(String what, String value, String why) {
        super("invalid cache " + what + " '" + value + "': " + why,
            "cache keys are stored as OCI tags and file names: at most 128 characters, letters, digits, '_', '.' and '-',"
                + " not starting with '.' or '-'",
            "build keys with CacheKey.goModules/goBuild, or write them like gomod-go1.26.0-linux-amd64-0123456789abcdef0123");
    }
}
