package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the files of an OCI image layout, either a directory or a tar of one (what
 * {@code buildctl --output type=oci} writes). A tar is indexed once (names, offsets, sizes) and
 * entries are then streamed from their offsets: nothing is extracted, nothing kept in memory.
 */
final class OciArchive {

    private record Entry(long offset, long size) {
    }

    private final Path path;
    private final boolean directory;
    private final Map<String, Entry> entries;

    private OciArchive(Path path, boolean directory, Map<String, Entry> entries) {
        this.path = path;
        this.directory = directory;
        this.entries = entries;
    }

    static OciArchive open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new OciArchive(path, true, Map.of());
        }
        if (!Files.isRegularFile(path)) {
            throw new GocbException("OCI image layout " + path + " does not exist",
                "the build did not write it (yet), or the path is wrong",
                "build with an OCI output first (gocb build --oci PATH) or fix the path");
        }
        return new OciArchive(path, false, index(path));
    }

    Path path() {
        return path;
    }

    boolean exists(String name) {
        return directory ? Files.isRegularFile(path.resolve(name)) : entries.containsKey(name);
    }

    Optional<Long> size(String name) throws IOException {
        if (directory) {
            Path file = path.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
        }
        return Optional.ofNullable(entries.get(name)).map(Entry::size);
    }

    InputStream open(String name) throws IOException {
        if (directory) {
            Path file = path.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw missing(name);
            }
            return Files.newInputStream(file);
        }
        Entry entry = entries.get(name);
        if (entry == null) {
            throw missing(name);
        }
        FileChannel channel = FileChannel.open(path);
        channel.position(entry.offset());
        return new Limited(Channels.newInputStream(channel), entry.size());
    }

    byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private GocbException missing(String name) {
        return new GocbException("the OCI image layout " + path + " has no " + name,
            "the layout is incomplete or truncated (an interrupted build or copy), or it is not an OCI image layout",
            "build the image again with an OCI output and measure the new file");
    }

    /** Indexes a ustar/pax/GNU tar: entry name to data offset and size. */
    private static Map<String, Entry> index(Path tar) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        try (FileChannel channel = FileChannel.open(tar)) {
            long length = channel.size();
            long position = 0;
            String longName = null;
            Long paxSize = null;
            ByteBuffer header = ByteBuffer.allocate(512);
            while (position + 512 <= length) {
                header.clear();
                channel.read(header, position);
                byte[] h = header.array();
                if (allZero(h)) {
                    break;
                }
                String name = text(h, 0, 100);
                long size = number(tar, h, 124, 12);
                char type = (char) h[156];
                String magic = text(h, 257, 6);
                if (magic.startsWith("ustar")) {
                    String prefix = text(h, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                long data = position + 512;
                if (data + size > length) {
                    throw truncated(tar, name);
                }
                if (type == 'x' || type == 'L') {
                    byte[] content = new byte[(int) size];
                    channel.read(ByteBuffer.wrap(content), data);
                    if (type == 'L') {
                        longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                    } else {
                        Map<String, String> pax = pax(content);
                        if (pax.containsKey("path")) {
                            longName = pax.get("path");
                        }
                        if (pax.containsKey("size")) {
                            paxSize = Long.parseLong(pax.get("size").strip());
                        }
                    }
                } else if (type != 'g') {
                    if (longName != null) {
                        name = longName;
                    }
                    if (paxSize != null) {
                        size = paxSize;
                        if (data + size > length) {
                            throw truncated(tar, name);
                        }
                    }
                    longName = null;
                    paxSize = null;
                    if (type == '0' || type == '\0' || type == '7') {
                        entries.put(normalise(name), new Entry(data, size));
                    }
                }
                position = data + (size + 511) / 512 * 512;
            }
        }
        if (!entries.containsKey("index.json")) {
            throw new GocbException(tar + " is not an OCI image layout tar: it has no index.json",
                "the file is a different kind of archive (e.g. a 'docker save' tar), or it is truncated",
                "pass the tar written by an OCI output (buildctl --output type=oci,dest=FILE, or gocb build --oci FILE)");
        }
        return entries;
    }

    private static GocbException truncated(Path tar, String name) {
        return new GocbException(tar + " is truncated: entry " + name + " runs past the end of the file",
            "the build or copy that wrote it was interrupted", "build the OCI tar again");
    }

    private static Map<String, String> pax(byte[] content) {
        Map<String, String> values = new HashMap<>();
        String text = new String(content, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            int equals = record.indexOf('=');
            if (space > 0 && equals > space) {
                values.put(record.substring(space + 1, equals), record.substring(equals + 1));
            }
        }
        return values;
    }

    private static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long number(Path tar, byte[] h, int offset, int length) {
        if ((h[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (h[i] & 0xff);
            }
            return value;
        }
        String octal = text(h, offset, length).strip();
        if (octal.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(octal, 8);
        } catch (NumberFormatException e) {
            throw new GocbException(tar + " is not a tar file (bad size field '" + octal + "')",
                "it is another kind of file, or it is corrupted", "pass the OCI tar written by the build");
        }
    }

    /** At most {@code remaining} bytes of the underlying stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
