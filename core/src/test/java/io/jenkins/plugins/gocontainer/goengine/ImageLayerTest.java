package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.registry.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageLayerTest {

    @TempDir
    Path dir;

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirOrderAndTheirTimesOnDisk() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        Path b = Files.writeString(dir.resolve("b"), "beta");
        ImageLayer first = ImageLayer.write(dir.resolve("1.tar.gz"),
            List.of(new ImageLayer.Entry("/usr/bin/b", 0755, b), new ImageLayer.Entry("/etc/a", 0644, a)), 1_700_000_000);
        Files.setLastModifiedTime(a, FileTime.fromMillis(0));
        ImageLayer second = ImageLayer.write(dir.resolve("2.tar.gz"),
            List.of(new ImageLayer.Entry("/etc/a", 0644, a), new ImageLayer.Entry("/usr/bin/b", 0755, b)), 1_700_000_000);

        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(first.digest()).isEqualTo(Digests.sha256(Files.readAllBytes(first.file())));
        assertThat(first.size()).isEqualTo(Files.size(first.file()));
        assertThat(first.diffId()).isEqualTo(Digests.sha256(gunzip(first.file()))).isNotEqualTo(first.digest());
        assertThat(entries(gunzip(first.file()))).containsExactly("etc/", "etc/a", "usr/", "usr/bin/", "usr/bin/b");
    }

    @Test
    void anotherTimeGivesAnotherLayer() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        ImageLayer one = ImageLayer.write(dir.resolve("1.tar.gz"), List.of(new ImageLayer.Entry("/a", 0644, a)), 1);
        ImageLayer two = ImageLayer.write(dir.resolve("2.tar.gz"), List.of(new ImageLayer.Entry("/a", 0644, a)), 2);
        assertThat(two.digest()).isNotEqualTo(one.digest());
    }

    @Test
    void refusesPathsThatAreNotCleanAndDuplicates() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "alpha");
        assertThatThrownBy(() -> new ImageLayer.Entry("etc/a", 0644, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLayer.Entry("/etc/../a", 0644, a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageLayer.write(dir.resolve("d.tar.gz"), List.of(new ImageLayer.Entry("/a", 0644, a),
            new ImageLayer.Entry("/a", 0755, a)), 0)).hasMessageContaining("two layer entries for /a");
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static List<String> entries(byte[] tar) {
        List<String> names = new ArrayList<>();
        for (int offset = 0; offset + 512 <= tar.length && tar[offset] != 0; ) {
            names.add(new String(tar, offset, 100, StandardCharsets.US_ASCII).replaceAll("\0.*", ""));
            long size = Long.parseLong(new String(tar, offset + 124, 11, StandardCharsets.US_ASCII).strip(), 8);
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return names;
    }
}
