package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.registry.Digests;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A directory tree as a deterministic tar.gz: entries sorted by name, uid/gid 0, mtime 0, modes
 * reduced to "executable or not", so the same tree always gives the same digest. Restored files get
 * the time of the restore as mtime, which also keeps Go from trimming a freshly restored build
 * cache as unused.
 *
 * <p>Unpacking checks the archive's size and sha256 against the recorded ones before reading a
 * single entry, extracts into a directory next to the target, and renames it into place only when
 * everything was written.
 */
public final class CacheArchive {

    private static final int BUFFER = 64 * 1024;

    private CacheArchive() {
    }

    /** Packs the tree under {@code source} (not including {@code source} itself) into {@code archive}, replacing it. */
    public static ArchiveDigest pack(Path source, Path archive) throws IOException {
        requirePackable(source);
        MessageDigest sha256 = Digests.newSha256();
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), sha256);
             GZIPOutputStream gzip = new FastGzipOutputStream(digesting)) {
            TarWriter tar = new TarWriter(new BufferedOutputStream(gzip, BUFFER));
            writeChildren(tar, source, "");
            tar.finish();
            gzip.finish();
            digesting.flush();
            channel.force(true);
            return new ArchiveDigest("sha256:" + HexFormat.of().formatHex(sha256.digest()), channel.size());
        }
    }

    /** Refuses, with the reason, a source that is not a directory. */
    static void requirePackable(Path source) {
        if (!Files.isDirectory(source)) {
            throw new CacheException("cannot save a cache from " + source + ": " + (Files.exists(source) ? "it is not a directory" : "it does not exist"),
                "the step that fills the cache did not run, or wrote somewhere else",
                "check that GOMODCACHE or GOCACHE point at " + source + " when Go runs");
        }
    }

    /** Restores {@code archive} into {@code target}, replacing what is there, after checking it against {@code expected}. */
    public static void unpack(Path archive, ArchiveDigest expected, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
            unpack(channel, expected, target);
        }
    }

    /**
     * As {@link #unpack(Path, ArchiveDigest, Path)}, from an open channel, which stays open: a store
     * opens an entry under its lock and reads it after releasing the lock, when the file may
     * already be unlinked.
     */
    public static void unpack(FileChannel archive, ArchiveDigest expected, Path target) throws IOException {
        verify(archive, expected);
        Path staging = DirectoryReplacement.prepareSibling(target);
        try {
            archive.position(0);
            try (GZIPInputStream gzip = new GZIPInputStream(new KeepOpen(Channels.newInputStream(archive)), BUFFER)) {
                ArchiveExtractor.extract(new TarReader(gzip), staging.toRealPath());
                // The gzip trailer (CRC-32 and length) is only checked when the stream is read to its end.
                gzip.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException | EOFException e) {
                throw new CorruptCacheEntryException("the cache archive is not a valid gzip stream: " + e.getMessage(),
                    "it was damaged before its digest was recorded, or was not written by gocb", e);
            }
            DirectoryReplacement.replace(staging, target);
        } finally {
            Trees.deleteQuietly(staging);
        }
    }

    /** Checks size and sha256 of the whole archive against the recorded ones. */
    public static void verify(FileChannel archive, ArchiveDigest expected) throws IOException {
        long size = archive.size();
        if (size != expected.size()) {
            throw new CorruptCacheEntryException("the cache archive has " + size + " bytes where " + expected.size() + " were recorded",
                size < expected.size() ? "it was truncated: an interrupted save or transfer, or a full disk" : "it was changed after it was saved");
        }
        MessageDigest sha256 = Digests.newSha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = 0;
        while (position < size) {
            buffer.clear();
            int read = archive.read(buffer, position);
            if (read < 0) {
                throw new CorruptCacheEntryException("the cache archive ended at byte " + position + " of " + size, "it was truncated while being read");
            }
            sha256.update(buffer.array(), 0, read);
            position += read;
        }
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(expected.digest())) {
            throw new CorruptCacheEntryException("the cache archive has digest " + actual + " where " + expected.digest() + " was recorded",
                "its bytes changed after it was saved: disk, network or registry corruption");
        }
    }

    private static void writeChildren(TarWriter tar, Path directory, String prefix) throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(directory)) {
            children = listing.sorted(Comparator.comparing(child -> child.getFileName().toString())).toList();
        }
        for (Path child : children) {
            String path = prefix + child.getFileName();
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                String target = Files.readSymbolicLink(child).toString();
                try {
                    ArchivePaths.checkLinkTarget(path, target);
                } catch (CorruptCacheEntryException e) {
                    throw new CacheException("cannot cache " + child + ": it is a symbolic link to '" + target + "', outside the cached directory",
                        "a restored cache lands elsewhere, where such a link would point at something else or at nothing",
                        "make the link relative and inside the directory, or keep it out of the cached directory");
                }
                tar.symlink(path, target);
            } else if (attributes.isDirectory()) {
                tar.directory(path);
                writeChildren(tar, child, path + "/");
            } else if (attributes.isRegularFile()) {
                try (InputStream content = Files.newInputStream(child, LinkOption.NOFOLLOW_LINKS)) {
                    tar.file(path, isExecutable(child), attributes.size(), content);
                }
            } else {
                throw new CacheException("cannot cache " + child + ": it is neither a file, a directory nor a symbolic link",
                    "sockets, pipes and device files have no content to cache", "keep such files out of the cached directory");
            }
        }
    }

    private static boolean isExecutable(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        }
    }

    /** Speed matters more than the last percent of size for a cache packed on every build. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** Lets the gzip stream be closed (freeing its inflater) without closing the caller's channel. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the channel belongs to the caller
        }
    }
}
