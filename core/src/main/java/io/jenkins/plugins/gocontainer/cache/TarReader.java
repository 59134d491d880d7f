package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tar streams that {@link TarWriter} writes, and the POSIX ustar/pax archives of other
 * tools, strictly: every header's magic and checksum are checked, a short read is a truncation, and
 * entry types other than files, directories and symbolic links (hard links, devices, GNU long
 * names, global PAX headers) are refused rather than guessed at. Paths are returned as stored;
 * {@link ArchiveExtractor} decides whether they are safe.
 */
final class TarReader {

    private static final int MAX_PAX_HEADER = 1024 * 1024;

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, or empty at the end-of-archive marker. Skips what is left of the previous entry's content. */
    Optional<TarEntry> next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, String> pax = Map.of();
        while (true) {
            byte[] header = readBlock("an entry header");
            if (isZero(header)) {
                if (!isZero(readBlock("the end-of-archive marker"))) {
                    throw corrupt("a zero block is followed by data", "the archive was damaged or concatenated");
                }
                return Optional.empty();
            }
            checkHeader(header);
            byte type = header[TarFormat.TYPE];
            long size = pax.containsKey("size") ? parseSize(pax.get("size")) : octal(header, TarFormat.SIZE, TarFormat.SIZE_LENGTH, "size");
            if (type == TarFormat.TYPE_PAX) {
                if (!pax.isEmpty()) {
                    throw corrupt("two PAX headers follow each other", "the archive was not written by a POSIX tar");
                }
                pax = readPax(size);
                continue;
            }
            TarEntry.Type entryType = switch (type) {
                case TarFormat.TYPE_FILE, TarFormat.TYPE_FILE_OLD -> TarEntry.Type.FILE;
                case TarFormat.TYPE_DIRECTORY -> TarEntry.Type.DIRECTORY;
                case TarFormat.TYPE_SYMLINK -> TarEntry.Type.SYMLINK;
                default -> throw corrupt("entry '" + ustarPath(header) + "' has type '" + (char) type + "', which cache archives never hold",
                    "only files, directories and symbolic links are cached; hard links, devices and GNU extensions are refused");
            };
            String path = pax.getOrDefault("path", ustarPath(header));
            String linkTarget = entryType == TarEntry.Type.SYMLINK ? pax.getOrDefault("linkpath", field(header, TarFormat.LINK_NAME, TarFormat.NAME_LENGTH)) : "";
            long mode = octal(header, TarFormat.MODE, 8, "mode");
            remaining = size;
            padding = TarFormat.padding(size);
            return Optional.of(new TarEntry(path, entryType, (mode & 0100) != 0, size, linkTarget));
        }
    }

    /** The content of the entry {@link #next()} returned; reading past it yields end of stream. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read < 0) {
                    throw corrupt("the archive ends in the middle of a file's content", "it was truncated");
                }
                remaining -= read;
                return read;
            }
        };
    }

    private void checkHeader(byte[] header) {
        if (!Arrays.equals(header, TarFormat.MAGIC, TarFormat.MAGIC + 6, TarFormat.MAGIC_BYTES, 0, 6)
            || !Arrays.equals(header, TarFormat.VERSION, TarFormat.VERSION + 2, TarFormat.VERSION_BYTES, 0, 2)) {
            throw corrupt("a header is not a POSIX ustar header", "the archive is damaged, or was written in another tar format");
        }
        long stored = octal(header, TarFormat.CHECKSUM, TarFormat.CHECKSUM_LENGTH, "checksum");
        if (stored != TarFormat.checksum(header)) {
            throw corrupt("the header of '" + ustarPath(header) + "' has a wrong checksum", "the archive is damaged");
        }
    }

    private Map<String, String> readPax(long size) throws IOException {
        if (size > MAX_PAX_HEADER) {
            throw corrupt("a PAX header of " + size + " bytes", "no cache archive has PAX headers this large");
        }
        byte[] records = in.readNBytes((int) size);
        if (records.length < size) {
            throw corrupt("the archive ends inside a PAX header", "it was truncated");
        }
        skipFully(TarFormat.padding(size));
        Map<String, String> values = new HashMap<>();
        int position = 0;
        while (position < records.length) {
            int space = indexOf(records, (byte) ' ', position);
            int length = space < 0 ? -1 : parseRecordLength(records, position, space);
            if (length <= 0 || position + length > records.length || records[position + length - 1] != '\n') {
                throw corrupt("a PAX header has a malformed record", "the archive is damaged");
            }
            String record = new String(records, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw corrupt("a PAX record has no key", "the archive is damaged");
            }
            values.put(record.substring(0, equals), record.substring(equals + 1));
            position += length;
        }
        return values;
    }

    private static int parseRecordLength(byte[] records, int from, int to) {
        if (to == from || to - from > 9) {
            return -1;
        }
        int length = 0;
        for (int i = from; i < to; i++) {
            if (records[i] < '0' || records[i] > '9') {
                return -1;
            }
            length = length * 10 + records[i] - '0';
        }
        return length;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static long parseSize(String text) {
        try {
            long size = Long.parseLong(text);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw corrupt("a PAX size record says '" + text + "'", "the archive is damaged");
    }

    private static String ustarPath(byte[] header) {
        String name = field(header, TarFormat.NAME, TarFormat.NAME_LENGTH);
        String prefix = field(header, TarFormat.PREFIX, TarFormat.PREFIX_LENGTH);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** An octal number, optionally space-padded, ended by NUL or space. Base-256 numbers are refused. */
    private static long octal(byte[] header, int offset, int length, String what) {
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') {
            i++;
        }
        int digits = 0;
        for (; i < end && header[i] != 0 && header[i] != ' '; i++, digits++) {
            if (header[i] < '0' || header[i] > '7') {
                throw corrupt("a header's " + what + " field is not an octal number", "the archive is damaged or uses a number format gocb does not write");
            }
            value = value * 8 + header[i] - '0';
        }
        if (digits == 0) {
            throw corrupt("a header's " + what + " field is empty", "the archive is damaged");
        }
        return value;
    }

    private byte[] readBlock(String what) throws IOException {
        byte[] block = in.readNBytes(TarFormat.BLOCK);
        if (block.length < TarFormat.BLOCK) {
            throw corrupt("the archive ends in " + what, "it was truncated");
        }
        return block;
    }

    private void skipFully(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw corrupt("the archive ends in the middle of an entry", "it was truncated");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static CorruptCacheEntryException corrupt(String problem, String reason) {
        return new CorruptCacheEntryException("the cache archive is not readable: " + problem, reason);
    }
}
