package io.jenkins.plugins.gocontainer.buildkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lists the entries of an uncompressed tar file (ustar headers), enough to inspect an OCI layout. */
final class OciArchiveEntries {

    private OciArchiveEntries() {
    }

    static List<String> list(Path tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                String full = prefix.isEmpty() ? name : prefix + "/" + name;
                names.add(full.startsWith("./") ? full.substring(2) : full);
                long padded = (size + 511) / 512 * 512;
                in.skipNBytes(padded);
            }
        }
        return names;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, java.nio.charset.StandardCharsets.US_ASCII).strip();
    }
}
