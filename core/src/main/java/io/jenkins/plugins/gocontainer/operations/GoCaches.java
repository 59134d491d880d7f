package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.cache.CacheKey;
import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.cache.CacheStore;
import io.jenkins.plugins.gocontainer.cache.CacheStores;
import io.jenkins.plugins.gocontainer.plan.GoModule;
import io.jenkins.plugins.gocontainer.plan.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The round trip of one of Go's caches through a cache store, as the build (the Go build cache)
 * and the module download (the module cache) both use it: the store, with registry credentials
 * from the Docker config, and the key from the module's go.sum, its go line and the platform.
 */
final class GoCaches {

    /** Which of Go's caches travels. */
    enum Kind {
        MODULES("module"), BUILD("Go build");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private GoCaches() {
    }

    static CacheRoundTrip roundTrip(Kind kind, String store, Path context, OperationContext operation, Collection<String> insecureRegistries)
        throws IOException {
        CacheStore parsed = CacheStores.parse(store, operation.workspace(), repository -> RegistryAccess.dockerConfig(operation, insecureRegistries));
        return new CacheRoundTrip(parsed, key(kind, context), kind.label);
    }

    private static CacheKey key(Kind kind, Path context) throws IOException {
        Path goMod = context.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            throw new InvalidBuildRequestException(setting("cacheStore") + " needs go.mod in the context " + context,
                "Go's caches are keyed by the module's go.sum and Go version", "point " + setting("context") + " at the module root");
        }
        GoModule module = GoModule.read(goMod);
        Path goSum = context.resolve("go.sum");
        byte[] sum = Files.isRegularFile(goSum) ? Files.readAllBytes(goSum) : new byte[0];
        String goVersion = "go" + module.builderImageTag();
        String arch = Platform.host().architecture();
        return kind == Kind.MODULES ? CacheKey.goModules(sum, goVersion, "linux", arch) : CacheKey.goBuild(sum, goVersion, "linux", arch);
    }
}
