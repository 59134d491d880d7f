package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.cache.FileReplacement;
import io.jenkins.plugins.gocontainer.cache.TarWriter;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.Manifest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an assembled image as an OCI image layout tarball ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}), the format BuildKit's {@code type=oci} output writes. The archive is
 * written next to its target and renamed onto it, so a failure never leaves a truncated archive.
 */
final class OciLayoutArchive {

    private static final TarWriter.Metadata FILE = new TarWriter.Metadata(0644, 0, 0, 0);
    private static final TarWriter.Metadata DIRECTORY = new TarWriter.Metadata(0755, 0, 0, 0);

    private OciLayoutArchive() {
    }

    static void write(AssembledImage image, Path archive) throws IOException {
        Path staged = FileReplacement.stagingSibling(archive.toAbsolutePath(), UUID.randomUUID().toString());
        Files.createDirectories(staged.getParent());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staged), 1 << 16)) {
                TarWriter tar = new TarWriter(out);
                bytes(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
                Map<String, Object> top = new LinkedHashMap<>();
                top.put("mediaType", image.top().mediaType());
                top.put("digest", image.top().digest());
                top.put("size", image.top().bytes().length);
                Map<String, Object> index = new LinkedHashMap<>();
                index.put("schemaVersion", 2);
                index.put("mediaType", io.jenkins.plugins.gocontainer.registry.MediaTypes.OCI_INDEX);
                index.put("manifests", List.of(top));
                bytes(tar, "index.json", Json.write(index).getBytes(StandardCharsets.UTF_8));
                tar.directory("blobs", DIRECTORY);
                tar.directory("blobs/sha256", DIRECTORY);
                Set<String> written = new LinkedHashSet<>();
                for (ImageLayer layer : image.layers().values()) {
                    if (written.add(layer.digest())) {
                        try (InputStream content = Files.newInputStream(layer.file())) {
                            tar.file(blob(layer.digest()), FILE, layer.size(), content);
                        }
                    }
                }
                for (AssembledImage.PlatformImage platform : image.images()) {
                    if (written.add(platform.configDigest())) {
                        bytes(tar, blob(platform.configDigest()), platform.config());
                    }
                }
                for (Manifest manifest : image.manifestsInPushOrder()) {
                    if (written.add(manifest.digest())) {
                        bytes(tar, blob(manifest.digest()), manifest.bytes());
                    }
                }
                tar.finish();
            }
            FileReplacement.moveIntoPlace(staged, archive);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static String blob(String digest) {
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private static void bytes(TarWriter tar, String path, byte[] content) throws IOException {
        tar.file(path, FILE, content.length, new ByteArrayInputStream(content));
    }
}
