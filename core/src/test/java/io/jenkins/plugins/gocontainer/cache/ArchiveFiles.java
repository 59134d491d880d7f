package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/** Hand-made archives (including hostile ones) and deliberate damage to archive files. */
final class ArchiveFiles {

    interface Entries {
        void writeTo(TarWriter tar) throws IOException;
    }

    private ArchiveFiles() {
    }

    /** A tar.gz with exactly these entries, and its digest as a store would record it. */
    static ArchiveDigest craft(Path file, Entries entries) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            TarWriter tar = new TarWriter(out);
            entries.writeTo(tar);
            tar.finish();
        }
        return digestOf(file);
    }

    static ArchiveDigest digestOf(Path file) throws IOException {
        return new ArchiveDigest("sha256:" + TreeFixture.sha256(Files.readAllBytes(file)), Files.size(file));
    }

    static void flipByte(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) position] ^= 0x10;
        Files.write(file, bytes);
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
