package io.jenkins.plugins.gocontainer.plan;

import java.nio.file.Path;
import java.util.Objects;

/** Where the build's Go modules come from. */
public sealed interface ModuleSource {

    /** {@code go mod download} inside the build, through GOPROXY or git (with the build's credentials). */
    record Download() implements ModuleSource {
    }

    /**
     * A module cache prepared on the agent ({@code gocb vendor --mode download}), handed to the
     * build as the named context {@value #CONTEXT_NAME} and read as a {@code file://} GOPROXY with
     * every other source off: the build needs no network and no credentials.
     */
    record ProxyDirectory(Path moduleCache) implements ModuleSource {
        public static final String CONTEXT_NAME = "gocb-gomodcache";

        public ProxyDirectory {
            Objects.requireNonNull(moduleCache, "moduleCache");
        }

        /** The part of GOMODCACHE that a file:// GOPROXY serves. */
        public Path downloadDirectory() {
            return moduleCache.resolve("cache").resolve("download");
        }
    }

    /** {@code vendor/} in the context ({@code gocb vendor --mode vendor}): {@code -mod=vendor}, no download. */
    record Vendor() implements ModuleSource {
    }

    static ModuleSource download() {
        return new Download();
    }
}
