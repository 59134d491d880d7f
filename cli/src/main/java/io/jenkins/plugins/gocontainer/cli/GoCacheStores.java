package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.plan.GoModule;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.cache.CacheKey;
import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.cache.CacheStore;
import io.jenkins.plugins.gocontainer.cache.CacheStores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The round trip of a Go cache through {@code --cache-store}, as {@code gocb build} (the Go build
 * cache) and {@code gocb vendor} (the module cache) both use it: the store, with registry
 * credentials from the Docker config, and the key from the module's go.sum, the go line (the
 * generated Dockerfile's golang:X.Y) and this machine's platform.
 */
final class GoCacheStores {

    /** Which of Go's caches travels. */
    enum Kind {
        MODULES("module"), BUILD("Go build");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private GoCacheStores() {
    }

    static CacheRoundTrip roundTrip(Kind kind, String store, Path context, Map<String, String> environment, List<String> insecureRegistries)
        throws IOException {
        CacheStore parsed = BadInput.whileParsing(() -> CacheStores.parse(store,
            repository -> RegistryOptions.dockerConfigClient(environment, insecureRegistries)));
        return new CacheRoundTrip(parsed, key(kind, context.toAbsolutePath().normalize()), kind.label);
    }

    private static CacheKey key(Kind kind, Path context) throws IOException {
        Path goMod = context.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            throw new InvalidBuildRequestException("--cache-store needs go.mod in the context " + context,
                "Go's caches are keyed by the module's go.sum and Go version", "point --context at the module root");
        }
        GoModule module = GoModule.read(goMod);
        Path goSum = context.resolve("go.sum");
        byte[] sum = Files.isRegularFile(goSum) ? Files.readAllBytes(goSum) : new byte[0];
        String goVersion = "go" + module.builderImageTag();
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return kind == Kind.MODULES ? CacheKey.goModules(sum, goVersion, "linux", arch) : CacheKey.goBuild(sum, goVersion, "linux", arch);
    }
}
