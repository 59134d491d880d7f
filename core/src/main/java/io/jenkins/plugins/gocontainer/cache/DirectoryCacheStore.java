package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A cache store in a directory: on the agent, or on a volume several agents share. Each entry is
 * {@code <root>/<key>.tar.gz} with a record {@code <root>/<key>.tar.gz.json} of its digest, size and
 * creation time.
 *
 * <p>Archives are packed into a temporary file in the root and renamed into place, the record last,
 * under an exclusive lock on {@code <root>/.lock} (threads and processes alike), so an entry is
 * either complete or absent. Restores choose and open an entry under the lock, then verify and
 * extract it without holding the lock. An entry that fails verification, or whose record is missing
 * or unreadable, is deleted and reported as a miss with a warning.
 */
public final class DirectoryCacheStore implements CacheStore {

    private static final String ARCHIVE_SUFFIX = ".tar.gz";
    private static final String RECORD_SUFFIX = ".tar.gz.json";
    private static final String TEMP_PREFIX = ".gocb-tmp-";
    private static final Duration ABANDONED_TEMP_AGE = Duration.ofDays(1);

    /** An entry chosen and opened under the lock. {@code fileKey} tells later whether the file is still the same one. */
    private record Opened(String key, RestoreResult.Outcome outcome, EntryMetadata metadata, FileChannel channel, Object fileKey) {
    }

    private final Path root;
    private final Clock clock;

    public DirectoryCacheStore(Path root) {
        this(root, Clock.systemUTC());
    }

    /** @param clock stamps the creation time of saved entries, which decides the newest prefix match */
    public DirectoryCacheStore(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path root() {
        return root;
    }

    @Override
    public RestoreResult restore(CacheKey key, Path target) throws InterruptedException {
        long started = System.nanoTime();
        if (!Files.isDirectory(root)) {
            return RestoreResult.miss(since(started), Optional.empty());
        }
        List<String> warnings = new ArrayList<>();
        Optional<Opened> opened;
        try (DirectoryLock lock = DirectoryLock.acquire(realRoot())) {
            opened = choose(key, warnings);
        } catch (IOException e) {
            throw failure("cannot read the cache directory " + root, e);
        }
        if (opened.isEmpty()) {
            return RestoreResult.miss(since(started), warning(warnings));
        }
        Opened entry = opened.get();
        try (FileChannel channel = entry.channel()) {
            CacheArchive.unpack(channel, entry.metadata().archive(), target);
        } catch (CorruptCacheEntryException e) {
            warnings.add(discardCorrupt(entry, e));
            return RestoreResult.miss(since(started), warning(warnings));
        } catch (IOException e) {
            throw failure("cannot restore cache entry " + entry.key() + " from " + root + " into " + target, e);
        }
        return new RestoreResult(entry.outcome(), Optional.of(entry.key()), entry.metadata().archive().size(), since(started), warning(warnings));
    }

    @Override
    public SaveResult save(CacheKey key, Path source) throws InterruptedException {
        long started = System.nanoTime();
        Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID() + ARCHIVE_SUFFIX);
        try {
            Files.createDirectories(root);
            refuseNesting(source);
            try (DirectoryLock lock = DirectoryLock.acquire(realRoot())) {
                if (isComplete(key.key())) {
                    return new SaveResult(SaveResult.Outcome.ALREADY_PRESENT, key.key(), 0, since(started));
                }
            }
            ArchiveDigest archive = CacheArchive.pack(source, temp);
            try (DirectoryLock lock = DirectoryLock.acquire(realRoot())) {
                if (isComplete(key.key())) {
                    return new SaveResult(SaveResult.Outcome.ALREADY_PRESENT, key.key(), 0, since(started));
                }
                Files.move(temp, archiveOf(key.key()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                writeRecord(key.key(), new EntryMetadata(archive, clock.instant()));
                deleteAbandonedTemps();
            }
            return new SaveResult(SaveResult.Outcome.SAVED, key.key(), archive.size(), since(started));
        } catch (IOException e) {
            throw failure("cannot save " + source + " as cache entry " + key.key() + " in " + root, e);
        } finally {
            Trees.deleteQuietly(temp);
        }
    }

    private Optional<Opened> choose(CacheKey key, List<String> warnings) throws IOException {
        Optional<EntryMetadata> exact = readRecord(key.key(), warnings);
        if (exact.isPresent()) {
            return Optional.of(open(key.key(), RestoreResult.Outcome.EXACT_HIT, exact.get()));
        }
        List<String> saved = savedKeys();
        for (String prefix : key.restorePrefixes()) {
            String newest = null;
            EntryMetadata newestMetadata = null;
            for (String candidate : saved) {
                if (!candidate.startsWith(prefix) || candidate.equals(key.key())) {
                    continue;
                }
                Optional<EntryMetadata> metadata = readRecord(candidate, warnings);
                if (metadata.isPresent() && (newest == null || isNewer(candidate, metadata.get(), newest, newestMetadata))) {
                    newest = candidate;
                    newestMetadata = metadata.get();
                }
            }
            if (newest != null) {
                return Optional.of(open(newest, RestoreResult.Outcome.PREFIX_HIT, newestMetadata));
            }
        }
        return Optional.empty();
    }

    /** Newer creation time wins; equal times are broken by key, so the choice never depends on listing order. */
    private static boolean isNewer(String key, EntryMetadata metadata, String otherKey, EntryMetadata other) {
        int byTime = metadata.created().compareTo(other.created());
        return byTime > 0 || byTime == 0 && key.compareTo(otherKey) > 0;
    }

    private Opened open(String key, RestoreResult.Outcome outcome, EntryMetadata metadata) throws IOException {
        Path archive = archiveOf(key);
        FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ);
        return new Opened(key, outcome, metadata, channel, fileKey(archive));
    }

    /** The record of an entry whose archive exists; a missing or unreadable record makes the entry corrupt, and it is deleted. */
    private Optional<EntryMetadata> readRecord(String key, List<String> warnings) throws IOException {
        if (!Files.exists(archiveOf(key))) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryMetadata.parse(Files.readString(recordOf(key), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            warnings.add(deleteEntry(key, "its record " + recordOf(key).getFileName() + " is missing (a save was interrupted)"));
        } catch (CorruptCacheEntryException e) {
            warnings.add(deleteEntry(key, "its record " + recordOf(key).getFileName() + " is unreadable"));
        }
        return Optional.empty();
    }

    private boolean isComplete(String key) throws IOException {
        if (!Files.exists(archiveOf(key))) {
            return false;
        }
        try {
            EntryMetadata.parse(Files.readString(recordOf(key), StandardCharsets.UTF_8));
            return true;
        } catch (NoSuchFileException | CorruptCacheEntryException e) {
            return false; // the save that finds it so replaces it
        }
    }

    private List<String> savedKeys() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(ARCHIVE_SUFFIX) && !name.startsWith("."))
                .map(name -> name.substring(0, name.length() - ARCHIVE_SUFFIX.length()))
                .sorted()
                .toList();
        }
    }

    /** Deletes a corrupt entry, unless another process already replaced it by a fresh save, and says so. */
    private String discardCorrupt(Opened entry, CorruptCacheEntryException corruption) throws InterruptedException {
        String problem = corruption.problem();
        try (DirectoryLock lock = DirectoryLock.acquire(realRoot())) {
            if (isSameEntry(entry)) {
                return deleteEntry(entry.key(), problem);
            }
            return "cache entry " + entry.key() + " in " + root + " was corrupt (" + problem + ") and has already been replaced";
        } catch (IOException e) {
            return "cache entry " + entry.key() + " in " + root + " is corrupt (" + problem + ") and could not be deleted: " + e.getMessage();
        }
    }

    /** Whether the entry's file is still the one that was opened; file systems without file keys compare the records. */
    private boolean isSameEntry(Opened entry) throws IOException {
        if (!Files.exists(archiveOf(entry.key()))) {
            return false;
        }
        if (entry.fileKey() != null) {
            return entry.fileKey().equals(fileKey(archiveOf(entry.key())));
        }
        List<String> ignored = new ArrayList<>();
        return readRecord(entry.key(), ignored).map(entry.metadata()::equals).orElse(false);
    }

    private String deleteEntry(String key, String why) throws IOException {
        Files.deleteIfExists(recordOf(key));
        Files.deleteIfExists(archiveOf(key));
        return "cache entry " + key + " in " + root + " was corrupt and has been deleted: " + why + "; the next save writes it again";
    }

    private void writeRecord(String key, EntryMetadata metadata) throws IOException {
        Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID() + ".json");
        try {
            Files.writeString(temp, metadata.toJson(), StandardCharsets.UTF_8);
            Files.move(temp, recordOf(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files of saves that died with their process. */
    private void deleteAbandonedTemps() throws IOException {
        Instant cutoff = Instant.now().minus(ABANDONED_TEMP_AGE);
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Trees.deleteQuietly(file);
                }
            }
        }
    }

    private void refuseNesting(Path source) throws IOException {
        if (!Files.isDirectory(source)) {
            return; // CacheArchive.pack explains
        }
        Path realSource = source.toRealPath();
        Path realRoot = realRoot();
        if (realRoot.startsWith(realSource) || realSource.startsWith(realRoot)) {
            throw new CacheException("cannot save " + source + " into the cache directory " + root + ": one is inside the other",
                "the archive being written would be part of what it archives, or the store would cache itself",
                "keep the cache directory outside the directories being cached, e.g. /var/cache/gocb and $WORKSPACE/.gomodcache");
        }
    }

    private Path realRoot() throws IOException {
        return root.toRealPath();
    }

    private Path archiveOf(String key) {
        return root.resolve(key + ARCHIVE_SUFFIX);
    }

    private Path recordOf(String key) {
        return root.resolve(key + RECORD_SUFFIX);
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static Optional<String> warning(List<String> warnings) {
        return warnings.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", warnings));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private CacheException failure(String problem, IOException e) {
        return new CacheException(problem + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            "the disk is full, a path is not writable, or the cache directory is on a file system without locks or atomic renames",
            "check free space and permissions of " + root + " and of the target; on a shared volume use one that supports file locks (NFSv4, not SMB)");
    }
}
