package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A resolved layer cache: what the build imports from and exports to. Exports use
 * {@code mode=max} (every intermediate layer, so the module download step is cached too) except
 * inline, which BuildKit only supports with the final image's layers.
 */
public sealed interface LayerCacheExchange {

    /** The {@code --import-cache}/{@code --cache-from} value, or empty when there is nothing to import yet. */
    Optional<String> importSpec();

    /** The {@code --export-cache}/{@code --cache-to} value. */
    String exportSpec();

    /** A cache image in a registry; a missing one on first use is not an error (BuildKit warns and builds). */
    record Registry(ImageReference reference, boolean insecure) implements LayerCacheExchange {
        @Override
        public Optional<String> importSpec() {
            return Optional.of("type=registry,ref=" + reference + insecureAttribute());
        }

        @Override
        public String exportSpec() {
            return "type=registry,ref=" + reference + ",mode=max,ignore-error=true" + insecureAttribute();
        }

        private String insecureAttribute() {
            return insecure ? ",registry.insecure=true" : "";
        }
    }

    /**
     * A cache directory (OCI layout). BuildKit never prunes it, so each build exports into a
     * staging directory of its own, {@link #incoming()}, and the directory is replaced by it after
     * success: the cache holds what the last build used, not every build's leftovers, and two
     * builds sharing the directory never write into each other's staging.
     */
    record Local(Path directory, Path incoming) implements LayerCacheExchange {

        public Local(Path directory) {
            this(directory, directory.resolveSibling(directory.getFileName() + ".incoming"));
        }

        /** The same cache, staged in a directory that only the build named {@code buildId} uses. */
        public Local stagedFor(String buildId) {
            return new Local(directory, directory.resolveSibling("." + directory.getFileName() + ".incoming-" + buildId));
        }

        /** Why the cache in {@link #directory()} cannot be imported (it is incomplete or damaged); empty when it can, or is not there yet. */
        public Optional<String> damage() {
            return LocalCacheLayout.damage(directory);
        }

        @Override
        public Optional<String> importSpec() {
            return Files.isRegularFile(directory.resolve("index.json")) && damage().isEmpty()
                ? Optional.of("type=local,src=" + directory) : Optional.empty();
        }

        @Override
        public String exportSpec() {
            // The image is pushed in the same solve: a failed cache export must not fail it (see ImageBuilder).
            return "type=local,dest=" + incoming() + ",mode=max,ignore-error=true";
        }

    }

    /** Cache metadata inside the pushed image, imported from the same name next time. */
    record Inline(ImageReference image, boolean insecure) implements LayerCacheExchange {
        @Override
        public Optional<String> importSpec() {
            return Optional.of("type=registry,ref=" + image + (insecure ? ",registry.insecure=true" : ""));
        }

        @Override
        public String exportSpec() {
            return "type=inline";
        }
    }
}
