package io.jenkins.plugins.gocontainer.gomod;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What goModVendor made. Immutable.
 *
 * @param mode             vendor or download
 * @param goVersion        the go command's version, e.g. {@code go1.26.3}
 * @param moduleCount      download: the modules go downloaded; vendor: the modules with vendored packages
 * @param bytes            the size on disk of {@code location}
 * @param duration         how long it took, end to end
 * @param location         the vendor directory, or the module cache (GOMODCACHE)
 * @param buildEnvironment what the offline build sets to use it: {@code GOFLAGS=-mod=vendor}, or
 *                         {@code GOPROXY=file://<cache>/cache/download,off} and {@code GOFLAGS=-mod=mod}
 * @param notes            things the user should know that did not stop the step (a stale committed vendor/, an
 *                         incomplete go.sum, an older toolchain than go.mod's toolchain line)
 * @param cacheStatus      how a saved module cache was used; {@value #NO_CACHE} until the cache integration sets it
 *                         (e.g. "hit", "miss") through {@link #withCacheStatus}
 */
public record ModuleFetchResult(GoModMode mode, String goVersion, int moduleCount, long bytes, Duration duration, Path location,
                                Map<String, String> buildEnvironment, List<String> notes, String cacheStatus) {

    public static final String NO_CACHE = "none";

    public ModuleFetchResult {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
        buildEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(buildEnvironment));
        notes = List.copyOf(notes);
        cacheStatus = cacheStatus == null || cacheStatus.isBlank() ? NO_CACHE : cacheStatus;
    }

    public ModuleFetchResult withCacheStatus(String status) {
        return new ModuleFetchResult(mode, goVersion, moduleCount, bytes, duration, location, buildEnvironment, notes, status);
    }
}
