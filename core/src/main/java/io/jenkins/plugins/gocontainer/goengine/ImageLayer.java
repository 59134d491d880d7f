package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.cache.TarWriter;
import io.jenkins.plugins.gocontainer.registry.Digests;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip-compressed layer written from a list of files, byte for byte the same for the same files:
 * entries sorted by path with their parent directories, owner root, fixed modes, one modification
 * time for all, and a gzip header without name or time.
 *
 * @param file   the compressed tar
 * @param digest digest of the compressed bytes: the blob's name in a registry
 * @param diffId digest of the uncompressed tar: the image config's {@code rootfs.diff_ids}
 * @param size   compressed size
 */
public record ImageLayer(Path file, String digest, String diffId, long size) {

    public static final String MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** A regular file of the layer: its absolute path in the image, its mode and where its bytes come from. */
    public record Entry(String path, int mode, Path source) {
        public Entry {
            Objects.requireNonNull(source, "source");
            if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("/../") || path.contains("/./")) {
                throw new IllegalArgumentException("not a clean absolute file path: " + path);
            }
        }
    }

    public ImageLayer {
        Objects.requireNonNull(file, "file");
    }

    /** Writes {@code entries} (with their parent directories, mode 0755) into {@code file}, every time set to {@code modifiedSeconds}. */
    public static ImageLayer write(Path file, List<Entry> entries, long modifiedSeconds) throws IOException {
        Map<String, Entry> files = new TreeMap<>();
        Map<String, Boolean> directories = new TreeMap<>();
        for (Entry entry : entries) {
            if (files.put(entry.path().substring(1), entry) != null) {
                throw new IllegalArgumentException("two layer entries for " + entry.path());
            }
            String path = entry.path().substring(1);
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                directories.put(path.substring(0, slash), true);
            }
        }
        Map<String, Entry> all = new TreeMap<>();
        directories.keySet().forEach(directory -> all.put(directory + "/", null));
        files.forEach(all::put);
        MessageDigest compressed = Digests.newSha256();
        MessageDigest uncompressed = Digests.newSha256();
        try (OutputStream out = Files.newOutputStream(file);
             DigestOutputStream compressedDigest = new DigestOutputStream(new BufferedOutputStream(out, 1 << 16), compressed);
             GZIPOutputStream gzip = new ReproducibleGzip(compressedDigest);
             DigestOutputStream tarDigest = new DigestOutputStream(new BufferedOutputStream(gzip, 1 << 16), uncompressed)) {
            TarWriter tar = new TarWriter(tarDigest);
            for (Map.Entry<String, Entry> item : all.entrySet()) {
                if (item.getValue() == null) {
                    tar.directory(item.getKey(), new TarWriter.Metadata(0755, 0, 0, modifiedSeconds));
                } else {
                    Entry entry = item.getValue();
                    try (InputStream content = Files.newInputStream(entry.source())) {
                        tar.file(item.getKey(), new TarWriter.Metadata(entry.mode(), 0, 0, modifiedSeconds), Files.size(entry.source()), content);
                    }
                }
            }
            tar.finish();
        }
        return new ImageLayer(file, hex(compressed), hex(uncompressed), Files.size(file));
    }

    private static String hex(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The JDK writes a gzip header without file name or time. The level is fixed (zlib's default, as BuildKit's):
     * the compressed bytes, and so the digest, depend on it.
     */
    private static final class ReproducibleGzip extends GZIPOutputStream {
        ReproducibleGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.DEFAULT_COMPRESSION);
        }
    }
}
