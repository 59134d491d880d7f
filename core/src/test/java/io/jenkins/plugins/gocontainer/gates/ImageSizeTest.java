package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSizeTest {

    private static Map<String, Object> history(Object... entries) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < entries.length; i += 2) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("created_by", entries[i]);
            if (Boolean.TRUE.equals(entries[i + 1])) {
                entry.put("empty_layer", true);
            }
            list.add(entry);
        }
        return Map.of("history", list);
    }

    @Test
    void emptyLayerHistoryEntriesAreSkippedAndTheRestMatchedInOrder() {
        Map<String, Object> config = history(
            "COPY ca.crt /etc/ssl/certs/ # buildkit", false,
            "ENV PATH=/bin", true,
            "COPY /out/passwd /etc/passwd # buildkit", false,
            "USER 65532:65532", true,
            "COPY /out/hello /hello # buildkit", false,
            "EXPOSE map[8080/tcp:{}]", true);

        assertThat(ImageSize.layerSteps(config, 3)).containsExactly(
            "COPY ca.crt /etc/ssl/certs/ # buildkit", "COPY /out/passwd /etc/passwd # buildkit", "COPY /out/hello /hello # buildkit");
    }

    @Test
    void layersTheHistoryDoesNotCoverAreTheBottomOnesAndHaveNoStep() {
        assertThat(ImageSize.layerSteps(history("RUN a", false), 3)).containsExactly("", "", "RUN a");
        assertThat(ImageSize.layerSteps(Map.of(), 2)).containsExactly("", "");
    }

    @Test
    void onALocalBaseEachLayerKeepsItsStepDespiteMetadataStepsAndTheExportersMadeUpEntry() {
        // The config BuildKit v0.32 wrote for FROM golang:1.26 (a local root filesystem), WORKDIR, ENV, COPY of 3 MB, USER, RUN, WORKDIR:
        // layers 78069210, 93, 3001168, 175 and 32 bytes.
        List<Object> entries = new ArrayList<>();
        entries.add(Map.of("created_by", "WORKDIR /app", "comment", "buildkit.dockerfile.v0"));
        entries.add(Map.of("created_by", "ENV X=1", "comment", "buildkit.dockerfile.v0", "empty_layer", true));
        entries.add(Map.of("created_by", "COPY big.bin /app/big.bin # buildkit", "comment", "buildkit.dockerfile.v0"));
        entries.add(Map.of("created_by", "USER 65532", "comment", "buildkit.dockerfile.v0", "empty_layer", true));
        entries.add(Map.of("created_by", "RUN /bin/sh -c echo hi > /tmp/x # buildkit", "comment", "buildkit.dockerfile.v0"));
        entries.add(Map.of("created_by", "WORKDIR /app", "comment", "buildkit.dockerfile.v0"));
        entries.add(Map.of("created_by", "[4/5] WORKDIR /app", "comment", "buildkit.exporter.image.v0"));

        assertThat(ImageSize.layerSteps(Map.of("history", entries), 5)).containsExactly(
            "", "WORKDIR /app", "COPY big.bin /app/big.bin # buildkit", "RUN /bin/sh -c echo hi > /tmp/x # buildkit", "WORKDIR /app");
    }

    @Test
    void platformFromConfig() {
        assertThat(ImageSize.configPlatform(Map.of("os", "linux", "architecture", "arm", "variant", "v7"))).isEqualTo("linux/arm/v7");
        assertThat(ImageSize.configPlatform(Map.of("os", "linux", "architecture", "amd64"))).isEqualTo("linux/amd64");
        assertThat(ImageSize.configPlatform(Map.of())).isEmpty();
    }

    @Test
    void unpackedSizeOfGzipPlainAndZstdLayers() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        byte[] gz = gzip(content);
        List<String> notes = new ArrayList<>();
        Descriptor gzLayer = new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", "sha256:a", gz.length, Optional.empty());
        Descriptor tarLayer = new Descriptor("application/vnd.oci.image.layer.v1.tar", "sha256:b", content.length, Optional.empty());
        Descriptor zstdLayer = new Descriptor("application/vnd.oci.image.layer.v1.tar+zstd", "sha256:c", 10, Optional.empty());

        assertThat(ImageSize.unpackedSize(gzLayer, new ByteArrayInputStream(gz), notes)).hasValue(content.length);
        assertThat(ImageSize.unpackedSize(tarLayer, new ByteArrayInputStream(content), notes)).hasValue(content.length);
        assertThat(notes).isEmpty();
        byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0, 0, 0, 0};
        assertThat(ImageSize.unpackedSize(zstdLayer, new ByteArrayInputStream(zstd), notes)).isEmpty();
        assertThat(notes).singleElement().asString().contains("zstd").contains("sha256:c").contains("not supported");
    }

    @Test
    void measuresAHandMadeOciLayoutDirectory(@TempDir Path dir) throws IOException {
        Layout layout = Layout.write(dir, 2);

        ImageSize size = ImageSize.fromOciLayout(dir);

        assertThat(size.platforms()).singleElement().satisfies(p -> {
            assertThat(p.platform()).isEqualTo("linux/amd64");
            assertThat(p.compressed()).isEqualTo(layout.configSize + layout.layerSizes.stream().mapToLong(Long::longValue).sum());
            assertThat(p.uncompressed()).hasValue(layout.unpacked.stream().mapToLong(Long::longValue).sum());
            assertThat(p.layers()).extracting(ImageSize.LayerSize::createdBy).containsExactly("RUN step-0", "RUN step-1");
            assertThat(p.largestLayers(1, true)).singleElement().extracting(ImageSize.LayerSize::createdBy).isEqualTo("RUN step-1");
        });
        assertThat(size.digest()).isEqualTo(Digests.sha256(Files.readAllBytes(dir.resolve("index.json"))));
        assertThat(size.notes()).isEmpty();
    }

    @Test
    void measuresTheSameLayoutAsATar(@TempDir Path dir) throws Exception {
        Path layoutDir = Files.createDirectory(dir.resolve("layout"));
        Layout.write(layoutDir, 3);
        Path tar = dir.resolve("image.tar");
        Process process = new ProcessBuilder("tar", "-cf", tar.toString(), "-C", layoutDir.toString(), ".").inheritIO().start();
        assertThat(process.waitFor()).isZero();

        ImageSize fromDir = ImageSize.fromOciLayout(layoutDir);
        ImageSize fromTar = ImageSize.fromOciLayout(tar);

        assertThat(fromTar.platforms()).usingRecursiveComparison().isEqualTo(fromDir.platforms());
        assertThat(fromTar.platforms().get(0).layers()).hasSize(3);
    }

    @Test
    void missingOrForeignLayoutsAreClearErrors(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ImageSize.fromOciLayout(dir.resolve("nope.tar"))).isInstanceOf(GocbException.class)
            .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImageSize.fromOciLayout(dir)).isInstanceOf(GocbException.class).hasMessageContaining("no index.json");
        Path notTar = Files.writeString(dir.resolve("x.tar"), "hello, this is not a tar".repeat(40));
        assertThatThrownBy(() -> ImageSize.fromOciLayout(notTar)).isInstanceOf(GocbException.class);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    /** A small OCI layout: gzip layers of compressible content (sizes increase with the index), config with history. */
    static final class Layout {
        long configSize;
        final List<Long> layerSizes = new ArrayList<>();
        final List<Long> unpacked = new ArrayList<>();

        static Layout write(Path dir, int layers) throws IOException {
            Layout layout = new Layout();
            Files.createDirectories(dir.resolve("blobs/sha256"));
            List<Object> layerDescriptors = new ArrayList<>();
            List<Object> history = new ArrayList<>();
            history.add(Map.of("created_by", "ENV X=1", "empty_layer", true));
            for (int i = 0; i < layers; i++) {
                byte[] content = ("line " + i + "\n").repeat(20_000 * (i + 1)).getBytes(StandardCharsets.UTF_8);
                byte[] gz = gzip(content);
                layerDescriptors.add(Map.of("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip", "digest", blob(dir, gz), "size", gz.length));
                layout.layerSizes.add((long) gz.length);
                layout.unpacked.add((long) content.length);
                history.add(Map.of("created_by", "RUN step-" + i));
            }
            byte[] config = Json.write(Map.of("os", "linux", "architecture", "amd64", "history", history)).getBytes(StandardCharsets.UTF_8);
            layout.configSize = config.length;
            byte[] manifest = Json.write(Map.of("schemaVersion", 2, "mediaType", MediaTypes.OCI_MANIFEST,
                "config", Map.of("mediaType", "application/vnd.oci.image.config.v1+json", "digest", blob(dir, config), "size", config.length),
                "layers", layerDescriptors)).getBytes(StandardCharsets.UTF_8);
            byte[] index = Json.write(Map.of("schemaVersion", 2, "mediaType", MediaTypes.OCI_INDEX,
                "manifests", List.of(Map.of("mediaType", MediaTypes.OCI_MANIFEST, "digest", blob(dir, manifest), "size", manifest.length))))
                .getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve("index.json"), index);
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            return layout;
        }

        private static String blob(Path dir, byte[] bytes) throws IOException {
            String digest = Digests.sha256(bytes);
            Files.write(dir.resolve("blobs/sha256/" + digest.substring(7)), bytes);
            return digest;
        }
    }
}
