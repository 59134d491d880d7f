package io.jenkins.plugins.gocontainer.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheArchiveTest {

    @TempDir
    Path temp;

    @Test
    void theSameTreeAlwaysGivesTheSameDigest() throws IOException {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 1);

        ArchiveDigest first = CacheArchive.pack(tree, temp.resolve("first.tar.gz"));
        ArchiveDigest second = CacheArchive.pack(tree, temp.resolve("second.tar.gz"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(temp.resolve("second.tar.gz"))).isEqualTo(Files.readAllBytes(temp.resolve("first.tar.gz")));
        assertThat(first).isEqualTo(ArchiveFiles.digestOf(temp.resolve("first.tar.gz")));
    }

    @Test
    void timesOwnersAndWritePermissionsDoNotChangeTheDigestButContentDoes() throws IOException {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 2);
        ArchiveDigest original = CacheArchive.pack(tree, temp.resolve("original.tar.gz"));

        Files.setLastModifiedTime(tree.resolve("example.com/lib@v1.0.0/lib.go"), FileTime.fromMillis(123_456_789_000L));
        TreeFixture.makeReadOnly(tree);
        ArchiveDigest touched = CacheArchive.pack(tree, temp.resolve("touched.tar.gz"));
        Path other = TreeFixture.goModuleCache(temp.resolve("other"), 3);
        ArchiveDigest different = CacheArchive.pack(other, temp.resolve("different.tar.gz"));

        assertThat(touched).isEqualTo(original);
        assertThat(different.digest()).isNotEqualTo(original.digest());
    }

    @Test
    void roundTripKeepsContentExecutableBitEmptyDirectoriesLongAndUnicodeNamesAndLinks() throws IOException {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 4);
        ArchiveDigest digest = CacheArchive.pack(tree, temp.resolve("a.tar.gz"));
        Path target = temp.resolve("restored");

        CacheArchive.unpack(temp.resolve("a.tar.gz"), digest, target);

        Map<String, String> restored = TreeFixture.describe(target);
        assertThat(restored).isEqualTo(TreeFixture.describe(tree));
        assertThat(restored).containsEntry("example.com/lib@v1.0.0/link-to-lib.go", "link -> lib.go")
            .containsEntry("example.com/current", "link -> lib@v1.0.0")
            .containsEntry("example.com/lib@v1.0.0/empty", "dir")
            .containsKey(TreeFixture.LONG_PATH)
            .containsKey("example.com/lib@v1.0.0/testdata/größe-ünïcödé.txt");
        assertThat(restored.get("example.com/lib@v1.0.0/scripts/generate.sh")).endsWith(" x");
        assertThat(restored.get("example.com/lib@v1.0.0/lib.go")).endsWith(" -");
        assertThat(Files.readString(target.resolve("example.com/current/lib.go"))).contains("Seed = 4");
        assertThat(siblingsOf(target)).as("no staging directory left behind").containsExactlyInAnyOrder("tree", "a.tar.gz", "restored");
    }

    @Test
    void aReadOnlyTreeIsPackedAndAReadOnlyTargetIsReplaced() throws IOException {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 5);
        TreeFixture.makeReadOnly(tree);
        ArchiveDigest digest = CacheArchive.pack(tree, temp.resolve("a.tar.gz"));
        Path target = TreeFixture.goModuleCache(temp.resolve("target"), 6);
        Files.writeString(target.resolve("stale-only-in-old-target"), "old");
        TreeFixture.makeReadOnly(target);

        CacheArchive.unpack(temp.resolve("a.tar.gz"), digest, target);

        assertThat(TreeFixture.describe(target)).isEqualTo(TreeFixture.describe(tree)).doesNotContainKey("stale-only-in-old-target");
        assertThat(Files.getPosixFilePermissions(target.resolve("example.com/lib@v1.0.0/lib.go")))
            .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.getPosixFilePermissions(target.resolve("example.com/lib@v1.0.0")))
            .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(siblingsOf(target)).as("the replaced tree was deleted").containsExactlyInAnyOrder("tree", "a.tar.gz", "target");
    }

    @Test
    void aReadOnlyTreeIsDeleted() throws IOException {
        Path tree = TreeFixture.goModuleCache(temp.resolve("tree"), 7);
        TreeFixture.makeReadOnly(tree);

        Trees.delete(tree);

        assertThat(tree).doesNotExist();
    }

    @Test
    void aTruncatedArchiveIsRefusedBeforeAnythingIsExtracted() throws IOException {
        Path archive = temp.resolve("a.tar.gz");
        ArchiveDigest digest = CacheArchive.pack(TreeFixture.goModuleCache(temp.resolve("tree"), 8), archive);
        ArchiveFiles.truncate(archive, digest.size() / 2);
        Path target = existingTarget();

        assertThatThrownBy(() -> CacheArchive.unpack(archive, digest, target))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("has " + digest.size() / 2 + " bytes where " + digest.size() + " were recorded")
            .hasMessageContaining("truncated");
        assertUntouched(target);
    }

    @Test
    void aFlippedBitIsRefusedBeforeAnythingIsExtracted() throws IOException {
        Path archive = temp.resolve("a.tar.gz");
        ArchiveDigest digest = CacheArchive.pack(TreeFixture.goModuleCache(temp.resolve("tree"), 9), archive);
        ArchiveFiles.flipByte(archive, digest.size() / 2);
        Path target = existingTarget();

        assertThatThrownBy(() -> CacheArchive.unpack(archive, digest, target))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("where " + digest.digest() + " was recorded");
        assertUntouched(target);
    }

    /** Damage that happened before the digest was recorded: only the gzip and tar framing can tell. */
    @Test
    void anArchiveTruncatedBeforeItsDigestWasRecordedIsStillRefused() throws IOException {
        Path archive = temp.resolve("a.tar.gz");
        ArchiveDigest full = CacheArchive.pack(TreeFixture.goModuleCache(temp.resolve("tree"), 10), archive);
        ArchiveFiles.truncate(archive, full.size() - 100);
        Path target = existingTarget();

        assertThatThrownBy(() -> CacheArchive.unpack(archive, ArchiveFiles.digestOf(archive), target))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("the cache archive is not");
        assertUntouched(target);
    }

    @Test
    void anArchiveWithoutEndMarkerIsRefused() throws IOException {
        Path archive = temp.resolve("a.tar.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive))) {
            new TarWriter(out).file("only.txt", false, 3, new java.io.ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));
        }

        assertThatThrownBy(() -> CacheArchive.unpack(archive, ArchiveFiles.digestOf(archive), temp.resolve("target")))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageContaining("truncated");
        assertThat(temp.resolve("target")).doesNotExist();
    }

    static Stream<Arguments> hostileArchives() {
        return Stream.of(
            Arguments.of("parent path", "climbs out of its directory", (ArchiveFiles.Entries) tar -> file(tar, "../evil")),
            Arguments.of("parent path inside", "climbs out of its directory", (ArchiveFiles.Entries) tar -> file(tar, "a/../../evil")),
            Arguments.of("dot then parent", "climbs out of its directory", (ArchiveFiles.Entries) tar -> file(tar, "./../evil")),
            Arguments.of("absolute path", "has an absolute path", (ArchiveFiles.Entries) tar -> file(tar, "/tmp/gocb-evil")),
            Arguments.of("absolute link", "points at the absolute path '/etc'", (ArchiveFiles.Entries) tar -> tar.symlink("etc", "/etc")),
            Arguments.of("link climbing out", "points at '../..', outside", (ArchiveFiles.Entries) tar -> tar.symlink("up", "../..")),
            Arguments.of("link climbing out from a subdirectory", "points at '../../evil', outside", (ArchiveFiles.Entries) tar -> {
                tar.directory("a");
                tar.symlink("a/up", "../../evil");
            }),
            Arguments.of("link climbing through another link", "resolves outside the cached directory, through other links", (ArchiveFiles.Entries) tar -> {
                tar.directory("a");
                tar.symlink("a/b", "..");
                tar.symlink("c", "a/b/..");
            }),
            Arguments.of("file written through a link", "'link' appears twice", (ArchiveFiles.Entries) tar -> {
                tar.directory("inside");
                tar.symlink("link", "inside");
                file(tar, "link/evil");
            }),
            Arguments.of("same file twice", "'twice' appears twice", (ArchiveFiles.Entries) tar -> {
                file(tar, "twice");
                file(tar, "twice");
            }),
            Arguments.of("NUL in a name", "has a NUL character", (ArchiveFiles.Entries) tar -> file(tar, "ev\0il-with-a-name-too-long-for-ustar-" + "x".repeat(100))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void hostileArchivesAreRefusedAndWriteNothingOutside(String name, String reason, ArchiveFiles.Entries entries) throws IOException {
        Path archive = temp.resolve("hostile.tar.gz");
        ArchiveDigest digest = ArchiveFiles.craft(archive, entries);
        Path target = temp.resolve("deep/target");
        Files.createDirectories(target.getParent());

        assertThatThrownBy(() -> CacheArchive.unpack(archive, digest, target))
            .isInstanceOf(CorruptCacheEntryException.class)
            .hasMessageMatching("(?s)the cache archive is (unsafe|not restorable): .*")
            .hasMessageContaining(reason);

        assertThat(target).doesNotExist();
        assertThat(siblingsOf(target)).as("staging removed").isEmpty();
        assertThat(siblingsOf(temp.resolve("deep"))).containsExactlyInAnyOrder("deep", "hostile.tar.gz");
        assertThat(Path.of("/tmp/gocb-evil")).doesNotExist();
    }

    @Test
    void aLinkToAnotherPlaceInsideTheTreeIsAllowed() throws IOException {
        Path archive = temp.resolve("links.tar.gz");
        ArchiveDigest digest = ArchiveFiles.craft(archive, tar -> {
            tar.directory("a/b");
            file(tar, "a/b/file");
            tar.symlink("a/b/up", "../..");
            tar.symlink("top", "a/b/up/a/b/file");
            tar.symlink("dangling", "a/missing");
        });

        CacheArchive.unpack(archive, digest, temp.resolve("target"));

        assertThat(Files.readString(temp.resolve("target/top"))).isEqualTo("x");
        assertThat(Files.isSymbolicLink(temp.resolve("target/dangling"))).isTrue();
    }

    @Test
    void packingRefusesLinksThatPointOutside() throws IOException {
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("etc"), Path.of("/etc"));

        assertThatThrownBy(() -> CacheArchive.pack(tree, temp.resolve("a.tar.gz")))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("symbolic link to '/etc', outside the cached directory");
    }

    @Test
    void packingAMissingDirectoryExplains() {
        assertThatThrownBy(() -> CacheArchive.pack(temp.resolve("nothing"), temp.resolve("a.tar.gz")))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("it does not exist")
            .hasMessageContaining("GOMODCACHE");
    }

    @Test
    void paxRecordLengthsCountTheirOwnDigits() {
        // " path=" + 91 characters + "\n" is 98 bytes; 2 more digits make 100, which has 3 digits: the record is 101 bytes.
        String records = new String(TarWriter.paxRecords(Map.of("path", "x".repeat(91))), StandardCharsets.UTF_8);

        assertThat(records).hasSize(101).startsWith("101 path=");
        assertThat(new String(TarWriter.paxRecords(Map.of("path", "x".repeat(1000))), StandardCharsets.UTF_8)).startsWith("1011 path=");
    }

    private static void file(TarWriter tar, String path) throws IOException {
        try (InputStream content = new java.io.ByteArrayInputStream(new byte[] {'x'})) {
            tar.file(path, false, 1, content);
        }
    }

    private Path existingTarget() throws IOException {
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.writeString(target.resolve("keep.txt"), "previous content");
        return target;
    }

    private void assertUntouched(Path target) throws IOException {
        assertThat(TreeFixture.describe(target)).containsOnlyKeys("keep.txt");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("previous content");
        assertThat(siblingsOf(target)).noneMatch(name -> name.startsWith(".gocb-"));
    }

    private static java.util.List<String> siblingsOf(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
