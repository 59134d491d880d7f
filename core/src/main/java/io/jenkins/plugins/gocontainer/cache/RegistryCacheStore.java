package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.registry.BlobDigestMismatchException;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cache store in a registry repository: each entry is an OCI artifact (see {@link CacheArtifact})
 * tagged with its key. Restores need pull rights only; saves need push.
 *
 * <p>A restore takes the exact tag, else lists the repository's tags and takes the newest entry (by
 * its creation annotation) whose tag starts with the first restore prefix that has any. The layer is
 * downloaded next to the target and its digest checked before anything is extracted: a corrupt blob
 * is a miss with a warning (the entry is left in the registry, whose storage or proxy is at fault).
 * A repository or tag that does not exist is a miss.
 */
public final class RegistryCacheStore implements CacheStore {

    private record Candidate(String tag, RestoreResult.Outcome outcome, CacheArtifact artifact) {
    }

    private final RegistryClient client;
    private final ImageReference repository;
    private final Clock clock;

    public RegistryCacheStore(RegistryClient client, ImageReference repository) {
        this(client, repository, Clock.systemUTC());
    }

    /** @param clock stamps the creation annotation of saved entries, which decides the newest prefix match */
    public RegistryCacheStore(RegistryClient client, ImageReference repository, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        Objects.requireNonNull(repository, "repository");
        if (repository.tagOptional().isPresent() || repository.digestOptional().isPresent()) {
            throw new CacheException("the cache repository " + repository + " has a tag or digest",
                "cache entries are tagged with their keys inside the repository", "name the repository alone, e.g. " + repository.name());
        }
        this.repository = repository;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RestoreResult restore(CacheKey key, Path target) throws InterruptedException {
        long started = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Optional<Candidate> chosen = choose(key, warnings);
        if (chosen.isEmpty()) {
            return RestoreResult.miss(since(started), warning(warnings));
        }
        Candidate entry = chosen.get();
        Path download = null;
        try {
            Path parent = target.toAbsolutePath().normalize().getParent();
            Files.createDirectories(parent);
            download = Files.createTempFile(parent, ".gocb-cache-", ".tar.gz");
            if (!client.downloadBlob(repository, entry.artifact().layer(), download)) {
                warnings.add("cache entry " + describe(entry.tag()) + " refers to blob " + entry.artifact().archive().digest()
                    + ", which the registry does not have (deleted by garbage collection?); it is ignored and a save under a new key replaces it");
                return RestoreResult.miss(since(started), warning(warnings));
            }
            CacheArchive.unpack(download, entry.artifact().archive(), target);
        } catch (BlobDigestMismatchException | CorruptCacheEntryException e) {
            warnings.add("cache entry " + describe(entry.tag()) + " is corrupt and was not restored: " + e.problem()
                + "; if this repeats, delete the tag and check the registry's storage");
            return RestoreResult.miss(since(started), warning(warnings));
        } catch (IOException e) {
            throw failure("cannot restore cache entry " + describe(entry.tag()) + " into " + target, e);
        } finally {
            if (download != null) {
                Trees.deleteQuietly(download);
            }
        }
        return new RestoreResult(entry.outcome(), Optional.of(entry.tag()), entry.artifact().archive().size(), since(started), warning(warnings));
    }

    @Override
    public SaveResult save(CacheKey key, Path source) throws InterruptedException {
        long started = System.nanoTime();
        Optional<Manifest> existing = client.getManifest(repository, key.key());
        if (existing.isPresent()) {
            if (CacheArtifact.from(existing.get()).isEmpty()) {
                throw new CacheException("cannot save cache entry " + describe(key.key()) + ": the tag exists and is not a gocb cache entry",
                    "the repository holds images or other artifacts under names that look like cache keys",
                    "use a repository of its own for caches, e.g. " + repository.name() + "-cache");
            }
            return new SaveResult(SaveResult.Outcome.ALREADY_PRESENT, key.key(), 0, since(started));
        }
        CacheArchive.requirePackable(source);
        Path archive = null;
        try {
            archive = Files.createTempFile(source.toAbsolutePath().normalize().getParent(), ".gocb-cache-", ".tar.gz");
            ArchiveDigest packed = CacheArchive.pack(source, archive);
            if (!client.blobExists(repository, packed.digest())) {
                client.uploadBlob(repository, packed.digest(), archive);
            }
            if (!client.blobExists(repository, CacheArtifact.EMPTY_CONFIG_DIGEST)) {
                client.uploadBlob(repository, CacheArtifact.EMPTY_CONFIG);
            }
            CacheArtifact artifact = new CacheArtifact(packed, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            client.putManifest(repository, key.key(), artifact.toManifest(key.key()));
            return new SaveResult(SaveResult.Outcome.SAVED, key.key(), packed.size(), since(started));
        } catch (IOException e) {
            throw failure("cannot save " + source + " as cache entry " + describe(key.key()), e);
        } finally {
            if (archive != null) {
                Trees.deleteQuietly(archive);
            }
        }
    }

    private Optional<Candidate> choose(CacheKey key, List<String> warnings) throws InterruptedException {
        Optional<Manifest> exact = client.getManifest(repository, key.key());
        if (exact.isPresent()) {
            Optional<CacheArtifact> artifact = CacheArtifact.from(exact.get());
            if (artifact.isPresent()) {
                return Optional.of(new Candidate(key.key(), RestoreResult.Outcome.EXACT_HIT, artifact.get()));
            }
            warnings.add("tag " + describe(key.key()) + " is not a gocb cache entry (" + exact.get().mediaType() + "); it is ignored");
        }
        if (key.restorePrefixes().isEmpty()) {
            return Optional.empty();
        }
        List<String> tags = client.listTags(repository).stream().sorted().toList();
        for (String prefix : key.restorePrefixes()) {
            Optional<Candidate> newest = Optional.empty();
            for (String tag : tags) {
                if (!tag.startsWith(prefix) || tag.equals(key.key())) {
                    continue;
                }
                Optional<CacheArtifact> artifact = client.getManifest(repository, tag).flatMap(CacheArtifact::from);
                if (artifact.isPresent() && (newest.isEmpty() || !artifact.get().created().isBefore(newest.get().artifact().created()))) {
                    newest = Optional.of(new Candidate(tag, RestoreResult.Outcome.PREFIX_HIT, artifact.get()));
                }
            }
            if (newest.isPresent()) {
                return newest;
            }
        }
        return Optional.empty();
    }

    private String describe(String tag) {
        return repository.name() + ":" + tag;
    }

    private static Optional<String> warning(List<String> warnings) {
        return warnings.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", warnings));
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static CacheException failure(String problem, IOException e) {
        return new CacheException(problem + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            "the disk is full or a directory is not writable",
            "check free space and permissions next to the cached directory, where the archive is written while it is transferred");
    }
}
