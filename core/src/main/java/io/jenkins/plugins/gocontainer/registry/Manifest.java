package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A manifest or index exactly as the registry served it. The bytes are kept untouched: a retag
 * PUTs them back as they are, so the digest stays the same.
 */
public record Manifest(String mediaType, byte[] bytes, String digest) {

    public static Manifest of(String mediaType, byte[] bytes) {
        return new Manifest(mediaType, bytes.clone(), Digests.sha256(bytes));
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** The child manifests of an index. */
    public List<Descriptor> children() {
        return isIndex() ? descriptors("manifests") : List.of();
    }

    /** The config and layers of an image manifest. */
    public List<Descriptor> blobs() {
        if (isIndex()) {
            return List.of();
        }
        List<Descriptor> blobs = new ArrayList<>();
        Object config = json().get("config");
        if (config != null) {
            blobs.add(Descriptor.from(config));
        }
        blobs.addAll(descriptors("layers"));
        return blobs;
    }

    /** Compressed image size: config plus layers, as pulled. */
    public long compressedSize() {
        return blobs().stream().mapToLong(Descriptor::size).sum();
    }

    private List<Descriptor> descriptors(String field) {
        Object value = json().get(field);
        return value instanceof List<?> list ? list.stream().map(Descriptor::from).toList() : List.of();
    }

    private Map<String, Object> json() {
        try {
            return Json.parseObject(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw new RegistryException("manifest " + digest + " is not valid JSON: " + e.getMessage(),
                "the registry returned something other than a manifest", "check the registry and the reference");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that && mediaType.equals(that.mediaType) && digest.equals(that.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return mediaType + "@" + digest + " (" + bytes.length + " bytes)";
    }
}
