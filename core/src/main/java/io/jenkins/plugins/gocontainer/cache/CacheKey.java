package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.registry.Digests;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a cache entry is saved under, and where a restore may fall back to, as actions/cache's
 * {@code key} and {@code restore-keys}: a restore tries the exact key, then each prefix in order,
 * taking the newest entry that starts with the first prefix that has any.
 */
public record CacheKey(String key, List<String> restorePrefixes) {

    static final int MAX_LENGTH = 128;

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern GO_VERSION = Pattern.compile("go[0-9][0-9A-Za-z.]*");
    private static final Pattern GO_PLATFORM_PART = Pattern.compile("[a-z0-9]+");
    private static final int GO_SUM_HASH_LENGTH = 20;

    public CacheKey {
        Objects.requireNonNull(restorePrefixes, "restorePrefixes");
        validate("key", key);
        for (String prefix : restorePrefixes) {
            validate("restore prefix", prefix);
        }
        restorePrefixes = List.copyOf(restorePrefixes);
    }

    public static CacheKey of(String key, String... restorePrefixes) {
        return new CacheKey(key, List.of(restorePrefixes));
    }

    /**
     * The Go module cache ({@code GOMODCACHE}) of a module: {@code gomod-go1.26.0-linux-amd64-<go.sum hash>},
     * falling back to the newest module cache of the same Go version and platform.
     */
    public static CacheKey goModules(byte[] goSum, String goVersion, String goos, String goarch) {
        return goCache("gomod", goSum, goVersion, goos, goarch);
    }

    /**
     * The Go build cache ({@code GOCACHE}): {@code gobuild-go1.26.0-linux-amd64-<go.sum hash>}. Go keys
     * its build cache by content, so an entry saved for other dependencies is still mostly useful:
     * the fallback prefix takes the newest build cache of the same Go version and platform.
     */
    public static CacheKey goBuild(byte[] goSum, String goVersion, String goos, String goarch) {
        return goCache("gobuild", goSum, goVersion, goos, goarch);
    }

    private static CacheKey goCache(String kind, byte[] goSum, String goVersion, String goos, String goarch) {
        if (goSum == null) {
            throw new CacheException("cannot build the " + kind + " cache key: no go.sum content was given",
                "the key is derived from go.sum so that a change of dependencies gets a new cache entry",
                "pass the bytes of go.sum (an empty array for a module without dependencies)");
        }
        String prefix = kind + "-" + goVersion(goVersion) + "-" + platformPart("GOOS", goos) + "-" + platformPart("GOARCH", goarch) + "-";
        return new CacheKey(prefix + goSumHash(goSum), List.of(prefix));
    }

    private static String goVersion(String version) {
        String normalized = version == null ? "" : version.startsWith("go") ? version : "go" + version;
        if (!GO_VERSION.matcher(normalized).matches()) {
            throw new CacheException("cannot build a Go cache key: '" + version + "' is not a Go release version",
                "the key names the Go version (as in go1.26.0) because caches of different Go versions do not mix",
                "pass the first word of 'go env GOVERSION', e.g. go1.26.0");
        }
        return normalized;
    }

    private static String platformPart(String name, String value) {
        if (value == null || !GO_PLATFORM_PART.matcher(value).matches()) {
            throw new CacheException("cannot build a Go cache key: " + name + " '" + value + "' is not a Go platform name",
                "the key names the platform because build caches of different platforms do not mix",
                "pass the values of 'go env " + name + "', e.g. linux and amd64");
        }
        return value;
    }

    /** A git checkout with CRLF line endings must find the cache of one with LF endings. */
    private static String goSumHash(byte[] goSum) {
        String text = new String(goSum, StandardCharsets.UTF_8).replace("\r\n", "\n");
        byte[] hash = Digests.newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, GO_SUM_HASH_LENGTH);
    }

    private static void validate(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidCacheKeyException(what, String.valueOf(value), "it is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidCacheKeyException(what, value, "it has " + value.length() + " characters, more than " + MAX_LENGTH);
        }
        if (!TAG.matcher(value).matches()) {
            throw new InvalidCacheKeyException(what, value, "it has a character other than letters, digits, '_', '.' and '-',"
                + " or starts with '.' or '-'");
        }
    }

    @Override
    public String toString() {
        return restorePrefixes.isEmpty() ? key : key + " (restore prefixes " + String.join(", ", restorePrefixes) + ")";
    }
}
