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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The round trip of one of Go's caches through a cache store, as the build (the Go build cache)
 * and the module download (the module cache) both use it: the store, with registry credentials
 * from the Docker config, and the key from the module's go.sum, its go line and the platform.
 */
final class GoCaches {

    /** Which of Go's caches travels. */
    enum Kind {
        MODULES("module", ".gocb/gomodcache"), BUILD("Go build", ".gocb/gobuildcache");

        private static final String BUILD_CACHE_README = "This directory holds cached build artifacts from the Go build system.";

        private final String label;
        private final String conventionalPath;

        Kind(String label, String conventionalPath) {
            this.label = label;
            this.conventionalPath = conventionalPath;
        }

        /** Whether {@code directory} is laid out as Go lays out this cache (go writes a module cache's cache/download, a build cache's README). */
        boolean recognizes(Path directory) throws IOException {
            if (this == MODULES) {
                return Files.isDirectory(directory.resolve("cache/download"), LinkOption.NOFOLLOW_LINKS);
            }
            Path readme = directory.resolve("README");
            return Files.isRegularFile(readme, LinkOption.NOFOLLOW_LINKS) && Files.size(readme) < 4096
                && Files.readString(readme).startsWith(BUILD_CACHE_README);
        }
    }

    private GoCaches() {
    }

    /**
     * Refuses, before anything runs, a directory that gocb would replace with a restored or saved
     * cache while it holds something else: only an absent or empty directory, or one laid out as
     * that cache, is replaced, so that a mistyped path cannot delete the user's files.
     */
    static void requireReplaceable(Kind kind, Path directory, String settingKey, Path workspace) {
        if (directory == null || !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String suggestion = "give " + setting(settingKey) + " an empty or new directory, e.g. " + workspace.resolve(kind.conventionalPath);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidBuildRequestException("cannot use " + directory + " as the " + kind.label + " cache: it is not a directory",
                "the cache is a directory tree that gocb restores and saves", suggestion);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> names = entries.map(entry -> entry.getFileName().toString()).sorted().toList();
            if (names.isEmpty() || kind.recognizes(directory)) {
                return;
            }
            throw new InvalidBuildRequestException("cannot use " + directory + " as the " + kind.label + " cache: it holds files that are not a "
                + kind.label + " cache (" + String.join(", ", names.subList(0, Math.min(names.size(), 5))) + (names.size() > 5 ? ", ..." : "") + ")",
                "gocb replaces this directory with the cache it restores or saves, and replaces only a " + kind.label
                    + " cache, so that a mistyped path cannot delete other files", suggestion);
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot use " + directory + " as the " + kind.label + " cache: " + e.getMessage(),
                "its contents could not be read", suggestion, e);
        }
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
