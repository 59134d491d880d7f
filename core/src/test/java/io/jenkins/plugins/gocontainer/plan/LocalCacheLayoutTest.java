package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.Digests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCacheLayoutTest {

    @TempDir
    Path cache;

    private String layer;

    @BeforeEach
    void writeACompleteLayout() throws IOException {
        Files.createDirectories(cache.resolve("blobs/sha256"));
        layer = blob("layer bytes".getBytes(StandardCharsets.UTF_8));
        String config = blob("{}".getBytes(StandardCharsets.UTF_8));
        byte[] manifest = Json.write(Map.of("schemaVersion", 2, "config", Map.of("digest", config, "size", 2),
            "layers", List.of(Map.of("digest", layer, "size", 11)))).getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(manifest);
        Files.writeString(cache.resolve("index.json"), Json.write(Map.of("schemaVersion", 2,
            "manifests", List.of(Map.of("digest", manifestDigest, "size", manifest.length)))));
        Files.writeString(cache.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    @Test
    void aCompleteLayoutIsImported() {
        LayerCacheExchange.Local local = new LayerCacheExchange.Local(cache);

        assertThat(local.damage()).isEmpty();
        assertThat(local.importSpec()).contains("type=local,src=" + cache);
    }

    @Test
    void aMissingLayerIsDamageAndTheCacheIsNotImported() throws IOException {
        Files.delete(cache.resolve("blobs/sha256").resolve(layer.substring(7)));
        LayerCacheExchange.Local local = new LayerCacheExchange.Local(cache);

        assertThat(local.damage()).contains("blob " + layer + " is missing");
        assertThat(local.importSpec()).isEmpty();
    }

    @Test
    void aTruncatedBlobOrIndexIsDamage() throws IOException {
        Files.writeString(cache.resolve("blobs/sha256").resolve(layer.substring(7)), "layer");
        assertThat(LocalCacheLayout.damage(cache)).contains("blob " + layer + " has 5 bytes instead of 11");

        Files.writeString(cache.resolve("index.json"), "{\"manifests\": [");
        assertThat(LocalCacheLayout.damage(cache)).hasValueSatisfying(damage -> assertThat(damage).startsWith("its index.json or a manifest is not valid JSON"));
    }

    @Test
    void noCacheYetIsNoDamage(@TempDir Path empty) {
        assertThat(LocalCacheLayout.damage(empty)).isEmpty();
        assertThat(LocalCacheLayout.damage(empty.resolve("absent"))).isEmpty();
    }

    private String blob(byte[] content) throws IOException {
        String digest = Digests.sha256(content);
        Files.write(cache.resolve("blobs/sha256").resolve(digest.substring(7)), content);
        return digest;
    }
}
