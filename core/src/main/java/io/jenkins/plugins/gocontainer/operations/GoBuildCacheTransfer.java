package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.cache.Trees;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.RunDirectories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The Go build cache of one build across ephemeral builders: a directory the build seeds from and
 * saves back to, optionally restored from and saved to a cache store. {@link #close()} removes
 * the directory when it was a temporary one.
 */
final class GoBuildCacheTransfer implements AutoCloseable {

    private final Path directory;
    private final boolean temporary;
    private final CacheRoundTrip roundTrip;

    private GoBuildCacheTransfer(Path directory, boolean temporary, CacheRoundTrip roundTrip) {
        this.directory = directory;
        this.temporary = temporary;
        this.roundTrip = roundTrip;
    }

    /** The transfer for {@code directory} and {@code store} (either may be null); empty when neither is given. */
    static Optional<GoBuildCacheTransfer> open(Path directory, String store, Path moduleRoot, OperationContext context,
                                               Collection<String> insecureRegistries) throws IOException, InterruptedException {
        if (directory == null && store == null) {
            return Optional.empty();
        }
        // Everything that can refuse the request comes before the temporary directory exists.
        GoCaches.requireReplaceable(GoCaches.Kind.BUILD, directory, "goBuildCache", context.workspace());
        CacheRoundTrip roundTrip = store == null ? null : GoCaches.roundTrip(GoCaches.Kind.BUILD, store, moduleRoot, context, insecureRegistries);
        Path cache = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory(RunDirectories.ownedPrefix("gocb-go-build-cache-"));
        GoBuildCacheTransfer transfer = new GoBuildCacheTransfer(cache, directory == null, roundTrip);
        try {
            if (roundTrip != null) {
                roundTrip.restore(cache, context.log());
            }
            return Optional.of(transfer);
        } catch (InterruptedException | RuntimeException e) {
            transfer.close();
            throw e;
        }
    }

    Path directory() {
        return directory;
    }

    /** Whether the build must copy its cache back out: not when it goes to a temporary directory the store already has. */
    boolean needsExport() {
        return !temporary || roundTrip == null || !roundTrip.hadExactHit();
    }

    /** After a successful build: saves the exported cache unless the store already had this key. */
    void save(OutputSink log) throws InterruptedException {
        if (roundTrip != null) {
            roundTrip.saveIfMissed(directory, log);
        }
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Trees.delete(directory);
        }
    }
}
