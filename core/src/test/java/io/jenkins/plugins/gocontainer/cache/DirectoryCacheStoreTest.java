package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryCacheStoreTest {

    private static final CacheKey KEY = CacheKey.of("gomod-go1.26.0-linux-amd64-aaaa", "gomod-go1.26.0-linux-amd64-");

    @TempDir
    Path temp;

    @Test
    void savedTreeIsRestoredOnAnExactHit() throws Exception {
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 1);
        TreeFixture.makeReadOnly(source);
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));

        SaveResult saved = store.save(KEY, source);
        RestoreResult restored = store.restore(KEY, temp.resolve("target"));

        assertThat(saved.outcome()).isEqualTo(SaveResult.Outcome.SAVED);
        assertThat(saved.bytes()).isEqualTo(Files.size(temp.resolve("store/" + KEY.key() + ".tar.gz")));
        assertThat(restored.outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(restored.matchedKey()).contains(KEY.key());
        assertThat(restored.bytes()).isEqualTo(saved.bytes());
        assertThat(restored.warning()).isEmpty();
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(source));
        assertThat(storeFiles()).containsExactlyInAnyOrder(".lock", KEY.key() + ".tar.gz", KEY.key() + ".tar.gz.json");
    }

    @Test
    void theRecordHoldsDigestSizeAndCreationTime() throws Exception {
        Instant now = Instant.parse("2026-03-01T10:15:30Z");
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"), Clock.fixed(now, ZoneOffset.UTC));

        store.save(KEY, TreeFixture.goModuleCache(temp.resolve("source"), 2));

        EntryMetadata record = EntryMetadata.parse(Files.readString(temp.resolve("store/" + KEY.key() + ".tar.gz.json")));
        assertThat(record.archive()).isEqualTo(ArchiveFiles.digestOf(temp.resolve("store/" + KEY.key() + ".tar.gz")));
        assertThat(record.created()).isEqualTo(now);
    }

    @Test
    void anExistingKeyIsNotSavedAgain() throws Exception {
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));
        store.save(KEY, TreeFixture.goModuleCache(temp.resolve("first"), 3));
        Path archive = temp.resolve("store/" + KEY.key() + ".tar.gz");
        Object fileBefore = Files.readAttributes(archive, BasicFileAttributes.class).fileKey();

        SaveResult again = store.save(KEY, TreeFixture.goModuleCache(temp.resolve("second"), 4));

        assertThat(again.outcome()).isEqualTo(SaveResult.Outcome.ALREADY_PRESENT);
        assertThat(again.bytes()).isZero();
        assertThat(Files.readAttributes(archive, BasicFileAttributes.class).fileKey()).isEqualTo(fileBefore);
        store.restore(KEY, temp.resolve("target"));
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(temp.resolve("first")));
    }

    @Test
    void aMissLeavesTheTargetAloneAndDoesNotCreateTheStore() throws Exception {
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.writeString(target.resolve("mine.txt"), "mine");

        RestoreResult result = new DirectoryCacheStore(temp.resolve("no-store")).restore(KEY, target);

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        assertThat(result.matchedKey()).isEmpty();
        assertThat(result.warning()).isEmpty();
        assertThat(TreeFixture.describe(target)).containsOnlyKeys("mine.txt");
        assertThat(temp.resolve("no-store")).doesNotExist();
    }

    @Test
    void prefixFallbackPicksTheNewestEntryNotTheLastByName() throws Exception {
        Path store = temp.resolve("store");
        savedAt(store, "2026-01-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-zzzz"), TreeFixture.goModuleCache(temp.resolve("old"), 5));
        savedAt(store, "2026-02-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-bbbb"), TreeFixture.goModuleCache(temp.resolve("new"), 6));
        savedAt(store, "2026-03-01T00:00:00Z").save(CacheKey.of("gomod-go1.25.0-linux-amd64-cccc"), TreeFixture.goModuleCache(temp.resolve("other"), 7));

        RestoreResult result = new DirectoryCacheStore(store).restore(KEY, temp.resolve("target"));

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.PREFIX_HIT);
        assertThat(result.matchedKey()).contains("gomod-go1.26.0-linux-amd64-bbbb");
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(temp.resolve("new")));
    }

    @Test
    void theFirstPrefixWithAnyEntryWinsOverANewerEntryOfALaterPrefix() throws Exception {
        Path store = temp.resolve("store");
        savedAt(store, "2026-01-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-old1"), TreeFixture.goModuleCache(temp.resolve("a"), 8));
        savedAt(store, "2026-05-01T00:00:00Z").save(CacheKey.of("gomod-go1.25.0-linux-amd64-new1"), TreeFixture.goModuleCache(temp.resolve("b"), 9));

        RestoreResult result = new DirectoryCacheStore(store)
            .restore(CacheKey.of("gomod-go1.26.0-linux-amd64-want", "gomod-go1.26.0-", "gomod-"), temp.resolve("target"));

        assertThat(result.matchedKey()).contains("gomod-go1.26.0-linux-amd64-old1");
    }

    @Test
    void aKeyWithoutPrefixesOnlyHitsExactly() throws Exception {
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));
        store.save(CacheKey.of("gomod-one"), TreeFixture.goModuleCache(temp.resolve("a"), 10));

        assertThat(store.restore(CacheKey.of("gomod-two"), temp.resolve("target")).outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        assertThat(temp.resolve("target")).doesNotExist();
    }

    enum Damage { FLIPPED_BIT, TRUNCATED, MISSING_RECORD, GARBAGE_RECORD }

    @FaultSuite
    @ParameterizedTest
    @EnumSource(Damage.class)
    void aCorruptEntryIsDeletedReportedAsAMissAndSavedAgain(Damage damage) throws Exception {
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 11);
        store.save(KEY, source);
        Path archive = temp.resolve("store/" + KEY.key() + ".tar.gz");
        Path record = temp.resolve("store/" + KEY.key() + ".tar.gz.json");
        switch (damage) {
            case FLIPPED_BIT -> ArchiveFiles.flipByte(archive, Files.size(archive) / 3);
            case TRUNCATED -> ArchiveFiles.truncate(archive, Files.size(archive) - 1);
            case MISSING_RECORD -> Files.delete(record);
            case GARBAGE_RECORD -> Files.writeString(record, "{\"digest\": \"sha256:12");
        }
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.writeString(target.resolve("mine.txt"), "mine");

        RestoreResult result = store.restore(KEY, target);

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        assertThat(result.warning()).hasValueSatisfying(warning -> assertThat(warning)
            .contains("cache entry " + KEY.key())
            .contains("was corrupt and has been deleted")
            .contains(switch (damage) {
                case FLIPPED_BIT -> "was recorded";
                case TRUNCATED -> "bytes where";
                case MISSING_RECORD -> "is missing";
                case GARBAGE_RECORD -> "is unreadable";
            }));
        assertThat(TreeFixture.describe(target)).containsOnlyKeys("mine.txt");
        assertThat(archive).doesNotExist();
        assertThat(record).doesNotExist();

        assertThat(store.save(KEY, source).outcome()).isEqualTo(SaveResult.Outcome.SAVED);
        RestoreResult again = store.restore(KEY, target);
        assertThat(again.outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(again.warning()).isEmpty();
        assertThat(TreeFixture.describe(target)).isEqualTo(TreeFixture.describe(source));
    }

    @Test
    void anEntryWithoutRecordIsReplacedBySaveWithoutARestoreFirst() throws Exception {
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 12);
        store.save(KEY, source);
        Files.delete(temp.resolve("store/" + KEY.key() + ".tar.gz.json"));

        assertThat(store.save(KEY, source).outcome()).isEqualTo(SaveResult.Outcome.SAVED);
        assertThat(store.restore(KEY, temp.resolve("target")).outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
    }

    @Test
    void aCorruptPrefixCandidateIsSkippedInFavourOfAnIntactOne() throws Exception {
        Path store = temp.resolve("store");
        savedAt(store, "2026-01-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-good"), TreeFixture.goModuleCache(temp.resolve("good"), 13));
        savedAt(store, "2026-02-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-lost"), TreeFixture.goModuleCache(temp.resolve("lost"), 14));
        Files.delete(store.resolve("gomod-go1.26.0-linux-amd64-lost.tar.gz.json"));

        RestoreResult result = new DirectoryCacheStore(store).restore(KEY, temp.resolve("target"));

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.PREFIX_HIT);
        assertThat(result.matchedKey()).contains("gomod-go1.26.0-linux-amd64-good");
        assertThat(result.warning()).hasValueSatisfying(warning -> assertThat(warning).contains("gomod-go1.26.0-linux-amd64-lost").contains("is missing"));
        assertThat(store.resolve("gomod-go1.26.0-linux-amd64-lost.tar.gz")).doesNotExist();
    }

    @Test
    void savingAStoreInsideTheCachedDirectoryIsRefused() throws Exception {
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 15);

        assertThatThrownBy(() -> new DirectoryCacheStore(source.resolve(".cache-store")).save(KEY, source))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("one is inside the other");
    }

    @Test
    void savingAMissingDirectoryExplainsAndLeavesNoTemporaryFile() throws Exception {
        DirectoryCacheStore store = new DirectoryCacheStore(temp.resolve("store"));

        assertThatThrownBy(() -> store.save(KEY, temp.resolve("never-filled")))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("never-filled: it does not exist");
        assertThat(storeFiles()).containsOnly(".lock");
    }

    private static DirectoryCacheStore savedAt(Path store, String instant) {
        return new DirectoryCacheStore(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private List<String> storeFiles() throws IOException {
        try (Stream<Path> files = Files.list(temp.resolve("store"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
