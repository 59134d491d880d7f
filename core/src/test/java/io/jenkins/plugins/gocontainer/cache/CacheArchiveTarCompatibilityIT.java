package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive format checked against GNU tar, both ways: gocb's archives are standard pax, and standard pax archives restore. */
class CacheArchiveTarCompatibilityIT {

    @TempDir
    Path temp;

    @BeforeAll
    static void requireTar() {
        RequiredTools.require("tar");
    }

    @Test
    void gnuTarExtractsOurArchiveToTheSameTree() throws Exception {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 1);
        CacheArchive.pack(tree, temp.resolve("ours.tar.gz"));
        Path extracted = Files.createDirectories(temp.resolve("by-gnu-tar"));

        String listing = tar("-tvzf", temp.resolve("ours.tar.gz").toString());
        tar("-xzf", temp.resolve("ours.tar.gz").toString(), "-C", extracted.toString());

        assertThat(TreeFixture.describe(extracted)).isEqualTo(TreeFixture.describe(tree));
        assertThat(listing).contains(" 0/0 ").contains("1970-01-01").contains(TreeFixture.LONG_PATH).contains("größe-ünïcödé.txt")
            .contains("link-to-lib.go -> lib.go").contains("-rwxr-xr-x").doesNotContain("warning");
    }

    @Test
    void aGnuTarPaxArchiveRestores() throws Exception {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 2);
        Path archive = temp.resolve("gnu.tar.gz");
        tar("--format=pax", "-czf", archive.toString(), "-C", tree.toString(), ".");

        CacheArchive.unpack(archive, ArchiveFiles.digestOf(archive), temp.resolve("restored"));

        assertThat(TreeFixture.describe(temp.resolve("restored"))).isEqualTo(TreeFixture.describe(tree));
    }

    @Test
    void hardLinksAreRefused() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve("a"), "content");
        Files.createLink(tree.resolve("b"), tree.resolve("a"));
        Path archive = temp.resolve("hardlink.tar.gz");
        tar("--format=pax", "-czf", archive.toString(), "-C", tree.toString(), "a", "b");

        assertThatThrownBy(() -> CacheArchive.unpack(archive, ArchiveFiles.digestOf(archive), temp.resolve("restored")))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("entry 'b' has type '1'");
        assertThat(temp.resolve("restored")).doesNotExist();
    }

    @Test
    void gnuLongNamesAreRefusedRatherThanMisread() throws Exception {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 3);
        Path archive = temp.resolve("gnu-format.tar.gz");
        tar("--format=gnu", "-czf", archive.toString(), "-C", tree.toString(), ".");

        assertThatThrownBy(() -> CacheArchive.unpack(archive, ArchiveFiles.digestOf(archive), temp.resolve("restored")))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("not a POSIX ustar header");
    }

    private static String tar(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("tar"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + " said: " + output).isZero();
        return output;
    }
}
