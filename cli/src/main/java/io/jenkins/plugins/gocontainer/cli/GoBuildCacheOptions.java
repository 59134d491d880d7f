package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.build.GoModule;
import io.jenkins.plugins.gocontainer.build.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.cache.CacheKey;
import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.cache.CacheStores;
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
        CacheRoundTrip roundTrip = store == null ? null : new CacheRoundTrip(BadInput.whileParsing(() -> CacheStores.parse(store,
            repository -> RegistryOptions.dockerConfigClient(environment, insecureRegistries))), key(context), "Go build");
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

    /** go.sum, the builder's Go version (from go.mod's go line, as the generated Dockerfile picks golang:X.Y) and the build platform. */
    private static CacheKey key(Path context) throws IOException {
        Path goMod = context.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            throw new InvalidBuildRequestException("--cache-store needs go.mod in the context " + context,
                "the Go build cache is keyed by the module's go.sum and Go version", "point --context at the module root");
        }
        GoModule module = GoModule.read(goMod);
        Path goSum = context.resolve("go.sum");
        byte[] sum = Files.isRegularFile(goSum) ? Files.readAllBytes(goSum) : new byte[0];
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return CacheKey.goBuild(sum, "go" + module.builderImageTag(), "linux", arch);
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
