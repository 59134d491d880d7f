package io.jenkins.plugins.gocontainer.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The Go build cache across ephemeral builders: a directory the build seeds from and saves back to, and a cache store. */
final class GoBuildCacheOptions {

    @Option(names = "--go-build-cache", paramLabel = "DIR",
        description = "seed a fresh builder's Go build cache from DIR and save it back there after the build (generated Dockerfile only)")
    Path directory;

    @Option(names = "--cache-store", paramLabel = "dir=PATH|registry=REPO",
        description = "restore the Go build cache from this store before the build and save it after a miss (keyed by go.sum, Go version and platform)")
    String store;
}
