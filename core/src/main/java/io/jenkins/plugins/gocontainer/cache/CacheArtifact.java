package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cache entry as an OCI artifact: an image manifest with artifactType
 * {@value #ARTIFACT_TYPE}, the empty config {@code {}}, and the archive as its one gzip layer,
 * annotated with its creation time (which picks the newest entry for a restore prefix).
 */
record CacheArtifact(ArchiveDigest archive, Instant created) {

    static final String ARTIFACT_TYPE = "application/vnd.gocb.cache.v1";
    static final String EMPTY_CONFIG_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
    static final byte[] EMPTY_CONFIG = "{}".getBytes(StandardCharsets.UTF_8);
    static final String EMPTY_CONFIG_DIGEST = Digests.sha256(EMPTY_CONFIG);
    static final String LAYER_MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String CREATED = "org.opencontainers.image.created";
    static final String TITLE = "org.opencontainers.image.title";

    Descriptor layer() {
        return new Descriptor(LAYER_MEDIA_TYPE, archive.digest(), archive.size(), Optional.empty());
    }

    Manifest toManifest(String key) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mediaType", EMPTY_CONFIG_MEDIA_TYPE);
        config.put("digest", EMPTY_CONFIG_DIGEST);
        config.put("size", (long) EMPTY_CONFIG.length);
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("mediaType", LAYER_MEDIA_TYPE);
        layer.put("digest", archive.digest());
        layer.put("size", archive.size());
        Map<String, Object> layerAnnotations = new LinkedHashMap<>();
        layerAnnotations.put(CREATED, created.toString());
        layerAnnotations.put(TITLE, key + ".tar.gz");
        layer.put("annotations", layerAnnotations);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2L);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put("artifactType", ARTIFACT_TYPE);
        manifest.put("config", config);
        manifest.put("layers", List.of(layer));
        manifest.put("annotations", new LinkedHashMap<>(Map.of(CREATED, created.toString())));
        return Manifest.of(MediaTypes.OCI_MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** The cache entry a manifest describes; empty when it is something else (an image, another tool's artifact). */
    static Optional<CacheArtifact> from(Manifest manifest) {
        if (!MediaTypes.OCI_MANIFEST.equals(manifest.mediaType())) {
            return Optional.empty();
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(manifest.bytes(), StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            return Optional.empty();
        }
        if (!ARTIFACT_TYPE.equals(json.get("artifactType")) || !(json.get("layers") instanceof List<?> layers) || layers.size() != 1
            || !(layers.get(0) instanceof Map<?, ?> layer) || !LAYER_MEDIA_TYPE.equals(layer.get("mediaType"))
            || !(layer.get("digest") instanceof String digest) || !Digests.isDigest(digest)
            || !(layer.get("size") instanceof Long size) || size < 0) {
            return Optional.empty();
        }
        Instant created = createdOf(json.get("annotations")).or(() -> createdOf(layer.get("annotations"))).orElse(Instant.EPOCH);
        return Optional.of(new CacheArtifact(new ArchiveDigest(digest, size), created));
    }

    private static Optional<Instant> createdOf(Object annotations) {
        if (annotations instanceof Map<?, ?> map && map.get(CREATED) instanceof String text) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
