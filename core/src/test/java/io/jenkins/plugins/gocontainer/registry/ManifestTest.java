package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestTest {

    private static final String CONFIG = "sha256:" + "c".repeat(64);
    private static final String LAYER = "sha256:" + "1".repeat(64);
    private static final String CHILD = "sha256:" + "a".repeat(64);

    @Test
    void imageManifestListsConfigThenLayersAndSumsTheirSizes() {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{\"mediaType\":\"x\",\"digest\":\"" + CONFIG
            + "\",\"size\":300},\"layers\":[{\"mediaType\":\"y\",\"digest\":\"" + LAYER + "\",\"size\":7000}]}";
        Manifest manifest = Manifest.of(MediaTypes.OCI_MANIFEST, json.getBytes(StandardCharsets.UTF_8));

        assertThat(manifest.isIndex()).isFalse();
        assertThat(manifest.blobs()).extracting(Descriptor::digest).containsExactly(CONFIG, LAYER);
        assertThat(manifest.compressedSize()).isEqualTo(7300);
        assertThat(manifest.digest()).isEqualTo(Digests.sha256(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void indexListsItsChildrenWithPlatforms() {
        String json = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + CHILD
            + "\",\"size\":500,\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\"}}]}";
        Manifest index = Manifest.of(MediaTypes.DOCKER_MANIFEST_LIST, json.getBytes(StandardCharsets.UTF_8));

        assertThat(index.isIndex()).isTrue();
        assertThat(index.children()).singleElement().satisfies(child -> {
            assertThat(child.digest()).isEqualTo(CHILD);
            assertThat(child.platform()).contains("linux/arm/v7");
        });
        assertThat(index.blobs()).isEmpty();
    }
}
