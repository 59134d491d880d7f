package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.cache.Trees;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Go build cache across ephemeral builders: a directory the build seeds from and saves back
 * to, optionally restored from and saved to a cache store.
 */
final class GoBuildCacheOptions {

    @Option(names = "--go-build-cache", paramLabel = "DIR",
        description = "seed a fresh builder's Go build cache from DIR and save it back there after the build (generated Dockerfile only)")
    Path directory;

    @Option(names = "--cache-store", paramLabel = "dir=PATH|registry=REPO",
        description = "restore the Go build cache from this store before the build and save it after a miss (keyed by go.sum, Go version and platform)")
    String store;

    /** The directory the build uses, restored from the store when one is given; empty when neither option is set. */
    Optional<Transfer> open(Path context, Map<String, String> environment, List<String> insecureRegistries, OutputSink log)
        throws IOException, InterruptedException {
        if (directory == null && store == null) {
            return Optional.empty();
        }
        // Everything that can refuse the request comes before the temporary directory exists.
        CacheRoundTrip roundTrip = store == null ? null
            : GoCacheStores.roundTrip(GoCacheStores.Kind.BUILD, store, context, environment, insecureRegistries);
        Path cache = directory != null ? Files.createDirectories(directory.toAbsolutePath().normalize()) : Files.createTempDirectory("gocb-go-build-cache-");
        Transfer transfer = new Transfer(cache, directory == null, roundTrip);
        try {
            if (roundTrip != null) {
                Cancellation.runCancellable(() -> roundTrip.restore(cache, log));
            }
            return Optional.of(transfer);
        } catch (IOException | InterruptedException | RuntimeException e) {
            transfer.close();
            throw e;
        }
    }


    /** The build cache directory of one build; {@link #close()} removes it when gocb made it. */
    static final class Transfer implements AutoCloseable {
        private final Path directory;
        private final boolean temporary;
        private final CacheRoundTrip roundTrip;

        Transfer(Path directory, boolean temporary, CacheRoundTrip roundTrip) {
            this.directory = directory;
            this.temporary = temporary;
            this.roundTrip = roundTrip;
        }

        Path directory() {
            return directory;
        }

        /** Whether the build must copy its cache back out: not when it goes to a temporary directory the store already has. */
        boolean needsExport() {
            return !temporary || roundTrip == null || !roundTrip.hadExactHit();
        }

        /** After a successful build: saves the exported cache unless the store already had this key. */
        void save(OutputSink log) throws IOException, InterruptedException {
            if (roundTrip != null) {
                Cancellation.runCancellable(() -> roundTrip.saveIfMissed(directory, log));
            }
        }

        @Override
        public void close() throws IOException {
            if (temporary) {
                Trees.delete(directory);
            }
        }
    }
}
