package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where BuildKit's layer cache is kept between builds, as the user asked for it: in a registry
 * ({@code registry} or {@code registry=REF}), a local directory ({@code local=DIR}), or inline in
 * the pushed image ({@code inline}). The planner resolves it into a {@link LayerCacheExchange}.
 */
public record LayerCache(Kind kind, String reference, Path directory) {

    public enum Kind { REGISTRY, LOCAL, INLINE }

    /** Parses {@code KIND[=WHERE]}; a relative local directory is taken in {@code base}. */
    public static LayerCache parse(String text, Path base) {
        String value = text == null ? "" : text.strip();
        int eq = value.indexOf('=');
        String type = (eq < 0 ? value : value.substring(0, eq)).toLowerCase(Locale.ROOT);
        String location = eq < 0 ? null : value.substring(eq + 1).strip();
        switch (type) {
            case "registry":
                return new LayerCache(Kind.REGISTRY, location == null || location.isEmpty() ? null : location, null);
            case "local":
                if (location == null || location.isEmpty()) {
                    throw invalid(text, "a local cache needs its directory");
                }
                return new LayerCache(Kind.LOCAL, null, base.resolve(location).normalize());
            case "inline":
                if (location != null) {
                    throw invalid(text, "an inline cache travels in the pushed image and takes no location");
                }
                return new LayerCache(Kind.INLINE, null, null);
            default:
                throw invalid(text, "the cache kinds are registry, local and inline");
        }
    }

    private static InvalidBuildRequestException invalid(String text, String reason) {
        return new InvalidBuildRequestException("invalid {@caches} '" + text + "'", reason,
            "write {@caches} registry (REPO:buildcache of the pushed image), {@caches} registry=REF, {@caches} local=DIR or {@caches} inline");
    }
}
