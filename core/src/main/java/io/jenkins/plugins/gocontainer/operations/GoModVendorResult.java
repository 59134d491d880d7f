package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.gomod.ModuleFetchResult;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link GoModVendor} made. {@link #toMap()} is the {@code goModVendor} step's return value
 * and {@code gocb vendor --format json}'s output.
 *
 * @param location         the vendor directory, or the module cache
 * @param buildEnvironment what an offline build sets to use it (GOFLAGS, GOPROXY)
 * @param cacheStatus      {@code hit}, {@code miss}, or {@code none} without a cache store
 */
public record GoModVendorResult(String mode, String goVersion, int modules, long bytes, long durationMillis, String location,
                                Map<String, String> buildEnvironment, String cacheStatus, List<String> notes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GoModVendorResult {
        buildEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(buildEnvironment));
        notes = List.copyOf(notes);
    }

    static GoModVendorResult of(ModuleFetchResult fetched) {
        return new GoModVendorResult(fetched.mode().label(), fetched.goVersion(), fetched.moduleCount(), fetched.bytes(),
            fetched.duration().toMillis(), fetched.location().toString(), fetched.buildEnvironment(), fetched.cacheStatus(), fetched.notes());
    }

    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("mode", mode);
        map.put("goVersion", goVersion);
        map.put("modules", modules);
        map.put("bytes", bytes);
        map.put("durationMillis", durationMillis);
        map.put("location", location);
        map.put("buildEnvironment", new LinkedHashMap<>(buildEnvironment));
        map.put("cacheStatus", cacheStatus);
        map.put("notes", new ArrayList<>(notes));
        return map;
    }
}
