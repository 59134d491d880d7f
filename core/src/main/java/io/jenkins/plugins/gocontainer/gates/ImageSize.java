package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * The exact size of an image, per platform: compressed (config plus layers, as the manifest says
 * and a pull transfers) and uncompressed (the layers' unpacked tar bytes), with each layer's
 * Dockerfile step from the image history so that a user sees what to fix.
 *
 * @param source    what was measured (a reference or an OCI layout path)
 * @param digest    the digest of the manifest or index measured
 * @param platforms one entry per platform (one for a single-platform image)
 * @param notes     what could not be measured and why (e.g. zstd layers); empty when everything was
 */
public record ImageSize(String source, String digest, List<PlatformSize> platforms, List<String> notes) {

    public ImageSize {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(digest, "digest");
        platforms = List.copyOf(platforms);
        notes = List.copyOf(notes);
    }

    /**
     * One platform's image.
     *
     * @param platform       {@code os/arch[/variant]}, from the index or else from the image config
     * @param manifestDigest the digest of this platform's image manifest
     * @param compressed     config plus layers, as in the manifest
     * @param uncompressed   the sum of the layers' unpacked sizes; empty when not measured or not measurable
     * @param layers         the layers in manifest order
     */
    public record PlatformSize(String platform, String manifestDigest, long compressed, OptionalLong uncompressed,
                               List<LayerSize> layers) {

        public PlatformSize {
            layers = List.copyOf(layers);
        }

        /** The size on the given basis; empty for uncompressed when it was not measured. */
        public OptionalLong size(boolean uncompressedBasis) {
            return uncompressedBasis ? uncompressed : OptionalLong.of(compressed);
        }

        /** The {@code count} largest layers on the given basis, largest first. */
        public List<LayerSize> largestLayers(int count, boolean uncompressedBasis) {
            Comparator<LayerSize> bySize = Comparator.comparingLong(layer -> layer.size(uncompressedBasis));
            return layers.stream().sorted(bySize.reversed().thenComparingInt(LayerSize::index)).limit(count).toList();
        }
    }

    /**
     * One layer.
     *
     * @param index            position in the manifest, from 0
     * @param createdBy        the history's {@code created_by} for this layer; empty when the history does not say
     * @param uncompressedSize the unpacked tar size; empty when not measured (zstd, or not asked for)
     */
    public record LayerSize(int index, String digest, String mediaType, long compressedSize, OptionalLong uncompressedSize,
                            String createdBy) {

        /** The size on the given basis, falling back to compressed when uncompressed is unknown. */
        public long size(boolean uncompressedBasis) {
            return uncompressedBasis ? uncompressedSize.orElse(compressedSize) : compressedSize;
        }

        /** {@code 7.8 MB sha256:0123456789ab COPY /out/hello /hello # buildkit}. */
        public String describe(boolean uncompressedBasis) {
            String step = createdBy.isBlank() ? "(step unknown: no image history)" : createdBy.strip();
            String hex = digest.contains(":") ? digest.substring(digest.indexOf(':') + 1) : digest;
            return new ByteSize(size(uncompressedBasis)).toDecimalString() + " " + digest.substring(0, digest.indexOf(':') + 1)
                + hex.substring(0, Math.min(12, hex.length())) + " " + step;
        }
    }

    /** The platform entry with this name ({@code linux/amd64}), if measured. */
    public Optional<PlatformSize> platform(String name) {
        return platforms.stream().filter(p -> p.platform().equals(name)).findFirst();
    }

    /** Measures an image in a registry, including uncompressed sizes (which downloads every layer). */
    public static ImageSize fromRegistry(RegistryClient client, ImageReference reference) throws InterruptedException {
        return fromRegistry(client, reference, true);
    }

    /**
     * Measures an image or index in a registry by tag or digest. With {@code measureUncompressed}
     * every layer is streamed through a temporary file (deleted afterwards) and unpacked to count
     * its bytes; without it only manifests and configs are fetched.
     */
    public static ImageSize fromRegistry(RegistryClient client, ImageReference reference, boolean measureUncompressed)
        throws InterruptedException {
        try {
            return new ImageSizeReader(new ImageSizeReader.RegistryBlobs(client, reference), measureUncompressed).measure();
        } catch (IOException e) {
            throw new GocbException("cannot measure " + reference + ": " + e.getMessage(),
                "a layer could not be downloaded to or read from a temporary file", "check free space in the temporary directory and retry", e);
        }
    }

    /** Measures an OCI image layout: a directory, or a tar of one. */
    public static ImageSize fromOciLayout(Path layout) {
        return fromOciLayout(layout, true);
    }

    public static ImageSize fromOciLayout(Path layout, boolean measureUncompressed) {
        try {
            OciArchive archive = OciArchive.open(layout);
            return new ImageSizeReader(new ImageSizeReader.LayoutBlobs(archive), measureUncompressed).measure();
        } catch (IOException e) {
            throw new GocbException("cannot read the OCI image layout " + layout + ": " + e.getMessage(),
                "the file is unreadable or not an OCI layout", "check the path and its permissions", e);
        } catch (UncheckedIOException e) {
            throw new GocbException("cannot read the OCI image layout " + layout + ": " + e.getCause().getMessage(),
                "the file is unreadable or corrupted", "build the OCI output again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GocbException("interrupted while measuring " + layout, "the measurement was cancelled", "", e);
        }
    }

    /**
     * The {@code created_by} step of each layer, in layer order: the config's {@code history} with
     * {@code empty_layer: true} entries (ENV, USER, EXPOSE...) skipped, the rest matched to layers.
     * When the history covers fewer layers than the image has, the uncovered ones are the bottom
     * ones: a base from a local root filesystem has no history of its own. BuildKit's exporter then
     * appends made-up entries (comment {@value #EXPORTER_HISTORY}) at the top, which would shift every
     * step by one; they are left out, and the uncovered layers get an empty step.
     */
    static List<String> layerSteps(Map<String, Object> config, int layerCount) {
        List<String> steps = new ArrayList<>();
        if (config.get("history") instanceof List<?> history) {
            for (Object entry : history) {
                if (entry instanceof Map<?, ?> item) {
                    if (Boolean.TRUE.equals(item.get("empty_layer")) || EXPORTER_HISTORY.equals(item.get("comment"))) {
                        continue;
                    }
                    steps.add(item.get("created_by") instanceof String by ? by : "");
                }
            }
        }
        int uncovered = Math.max(0, layerCount - steps.size());
        List<String> result = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            result.add(i < uncovered ? "" : steps.get(i - uncovered));
        }
        return result;
    }

    /** The comment of the history entries BuildKit's image exporter makes up for layers without one. */
    static final String EXPORTER_HISTORY = "buildkit.exporter.image.v0";

    /** {@code os/arch[/variant]} from an image config, or empty. */
    static String configPlatform(Map<String, Object> config) {
        if (config.get("os") instanceof String os && config.get("architecture") instanceof String arch) {
            return os + "/" + arch + (config.get("variant") instanceof String variant && !variant.isEmpty() ? "/" + variant : "");
        }
        return "";
    }

    static Map<String, Object> parseConfig(byte[] bytes, String what) {
        try {
            return Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonSyntaxException e) {
            throw new GocbException(what + " is not valid JSON: " + e.getMessage(), "the blob is corrupted or not an image config",
                "build and push the image again");
        }
    }

    /**
     * The unpacked size of a layer read from {@code in}, detecting the compression from the bytes
     * (gzip, zstd, or a plain tar). Streams: nothing is kept in memory. Empty for zstd, with a note.
     */
    static OptionalLong unpackedSize(Descriptor layer, InputStream in, List<String> notes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            try (InputStream gunzip = new GZIPInputStream(buffered, 65536)) {
                return OptionalLong.of(count(gunzip));
            }
        }
        boolean zstdMagic = magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
            && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd;
        if (zstdMagic || layer.mediaType().contains("zstd")) {
            notes.add("layer " + layer.digest() + " is zstd-compressed (" + layer.mediaType()
                + "): its uncompressed size is not measured, zstd is not supported; only compressed sizes are exact for this image");
            return OptionalLong.empty();
        }
        return OptionalLong.of(count(buffered));
    }

    private static long count(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    static boolean isIndexType(String mediaType) {
        return MediaTypes.isIndex(mediaType);
    }
}
