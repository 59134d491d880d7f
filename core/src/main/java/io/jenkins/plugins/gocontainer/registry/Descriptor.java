package io.jenkins.plugins.gocontainer.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An OCI content descriptor: what a manifest says about a blob or a child manifest. */
public record Descriptor(String mediaType, String digest, long size, Optional<String> platform) {

    /** A descriptor's JSON object, as a manifest or index lists it (without platform): a mutable map, for adding fields. */
    public static Map<String, Object> json(String mediaType, String digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", size);
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    static Descriptor from(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("digest") instanceof String digest)) {
            throw new IllegalArgumentException("not a descriptor: " + json);
        }
        String mediaType = map.get("mediaType") instanceof String type ? type : "";
        long size = map.get("size") instanceof Number number ? number.longValue() : 0;
        Optional<String> platform = Optional.empty();
        if (map.get("platform") instanceof Map<?, ?> p && p.get("os") instanceof String os && p.get("architecture") instanceof String arch) {
            platform = Optional.of(os + "/" + arch + (p.get("variant") instanceof String variant ? "/" + variant : ""));
        }
        return new Descriptor(mediaType, digest, size, platform);
    }
}
