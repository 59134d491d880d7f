package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a POSIX (pax) tar stream. Cache archives get fixed metadata: uid/gid 0, no owner names,
 * mtime 0, modes 0755 for directories and executables, 0644 for other files and 0777 for links;
 * root filesystems give each entry its own {@link Metadata}. Paths and link targets that do not
 * fit a ustar field, or are not printable ASCII, go in a PAX record, as does a size of 8 GiB or more.
 *
 * <p>Writes whatever path it is given: checking paths is the reader's job, and tests need to
 * write hostile archives.
 */
public final class TarWriter {

    /** An entry's permissions (set-id and sticky bits included), owner and modification time. */
    public record Metadata(int mode, int uid, int gid, long modifiedSeconds) {

        static Metadata fixed(int mode) {
            return new Metadata(mode, 0, 0, 0);
        }
    }

    private static final String PAX_HEADER_NAME = "PaxHeader";

    private final OutputStream out;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String path) throws IOException {
        directory(path, Metadata.fixed(0755));
    }

    public void directory(String path, Metadata metadata) throws IOException {
        header(path.endsWith("/") ? path : path + "/", TarFormat.TYPE_DIRECTORY, metadata, 0, "");
    }

    void symlink(String path, String target) throws IOException {
        symlink(path, target, Metadata.fixed(0777));
    }

    public void symlink(String path, String target, Metadata metadata) throws IOException {
        header(path, TarFormat.TYPE_SYMLINK, metadata, 0, target);
    }

    /** Copies exactly {@code size} bytes of {@code content}; fails when it has fewer or more. */
    void file(String path, boolean executable, long size, InputStream content) throws IOException {
        file(path, Metadata.fixed(executable ? 0755 : 0644), size, content);
    }

    /** Copies exactly {@code size} bytes of {@code content}; fails when it has fewer or more. */
    public void file(String path, Metadata metadata, long size, InputStream content) throws IOException {
        header(path, TarFormat.TYPE_FILE, metadata, size, "");
        byte[] buffer = new byte[64 * 1024];
        long remaining = size;
        while (remaining > 0) {
            int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException(path + " became shorter while it was being archived (" + remaining + " of " + size + " bytes missing)");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
        if (content.read() >= 0) {
            throw new IOException(path + " grew while it was being archived (expected " + size + " bytes)");
        }
        out.write(new byte[(int) TarFormat.padding(size)]);
    }

    /** The end-of-archive marker: two zero blocks. */
    public void finish() throws IOException {
        out.write(new byte[2 * TarFormat.BLOCK]);
        out.flush();
    }

    private void header(String path, byte type, Metadata metadata, long size, String linkTarget) throws IOException {
        Map<String, String> pax = new LinkedHashMap<>();
        if (!fitsUstar(path)) {
            pax.put("path", path);
        }
        if (!fitsUstar(linkTarget)) {
            pax.put("linkpath", linkTarget);
        }
        if (size > TarFormat.MAX_OCTAL_SIZE) {
            pax.put("size", Long.toString(size));
        }
        if (!pax.isEmpty()) {
            byte[] records = paxRecords(pax);
            out.write(block(PAX_HEADER_NAME, TarFormat.TYPE_PAX, Metadata.fixed(0644), records.length, ""));
            out.write(records);
            out.write(new byte[(int) TarFormat.padding(records.length)]);
        }
        out.write(block(asciiFallback(path), type, metadata, size > TarFormat.MAX_OCTAL_SIZE ? 0 : size, asciiFallback(linkTarget)));
    }

    private static byte[] block(String name, byte type, Metadata metadata, long size, String linkTarget) {
        byte[] header = new byte[TarFormat.BLOCK];
        put(header, TarFormat.NAME, name.getBytes(StandardCharsets.US_ASCII));
        octal(header, TarFormat.MODE, 8, metadata.mode());
        octal(header, TarFormat.UID, 8, metadata.uid());
        octal(header, TarFormat.GID, 8, metadata.gid());
        octal(header, TarFormat.SIZE, TarFormat.SIZE_LENGTH, size);
        octal(header, TarFormat.MTIME, 12, Math.max(0, metadata.modifiedSeconds()));
        header[TarFormat.TYPE] = type;
        put(header, TarFormat.LINK_NAME, linkTarget.getBytes(StandardCharsets.US_ASCII));
        put(header, TarFormat.MAGIC, TarFormat.MAGIC_BYTES);
        put(header, TarFormat.VERSION, TarFormat.VERSION_BYTES);
        octal(header, TarFormat.DEV_MAJOR, 8, 0);
        octal(header, TarFormat.DEV_MINOR, 8, 0);
        String checksum = String.format("%06o", TarFormat.checksum(header));
        put(header, TarFormat.CHECKSUM, (checksum + "\0 ").getBytes(StandardCharsets.US_ASCII));
        return header;
    }

    private static boolean fitsUstar(String text) {
        return text.length() <= TarFormat.NAME_LENGTH && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** What the ustar fields hold when a PAX record carries the real value; readers that ignore PAX see this. */
    private static String asciiFallback(String text) {
        StringBuilder ascii = new StringBuilder();
        text.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
        return ascii.length() > TarFormat.NAME_LENGTH ? ascii.substring(0, TarFormat.NAME_LENGTH) : ascii.toString();
    }

    /** PAX records, "LENGTH key=value\n", where LENGTH counts the whole record including its own digits. */
    static byte[] paxRecords(Map<String, String> values) {
        StringBuilder records = new StringBuilder();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            int body = (" " + entry.getKey() + "=" + entry.getValue() + "\n").getBytes(StandardCharsets.UTF_8).length;
            int length = body + Integer.toString(body).length();
            if (Integer.toString(length).length() != Integer.toString(body).length()) {
                length = body + Integer.toString(length).length();
            }
            records.append(length).append(' ').append(entry.getKey()).append('=').append(entry.getValue()).append('\n');
        }
        return records.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void put(byte[] header, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** Zero-padded octal digits and a NUL, filling the field. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException(value + " does not fit a " + length + "-byte tar field");
        }
        byte[] field = new byte[length];
        Arrays.fill(field, 0, length - 1 - digits.length(), (byte) '0');
        put(field, length - 1 - digits.length(), digits.getBytes(StandardCharsets.US_ASCII));
        put(header, offset, field);
    }
}
