package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.cache.FileReplacement;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.nio.file.Path;
import java.util.List;

/** Where a build's image goes. */
public sealed interface ImageOutput {

    /** Push under one or more names. {@code insecure}: plain HTTP or unverified TLS. */
    record RegistryPush(List<ImageReference> names, boolean insecure) implements ImageOutput {
        public RegistryPush {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a push needs at least one image name");
            }
        }
    }

    /** An OCI image layout tarball on the local disk, for builds without a registry. */
    record OciArchive(Path file) implements ImageOutput {

        /**
         * Where the build {@code buildId} writes the archive before it is moved to {@link #file()}:
         * a hidden sibling, so that a failed build never truncates an archive that was already there.
         */
        public OciArchive stagedFor(String buildId) {
            return new OciArchive(FileReplacement.stagingSibling(file, buildId));
        }
    }

    /** The built stage's files, written into a directory (used to carry the Go build cache out). */
    record LocalDirectory(Path directory) implements ImageOutput {
    }
}
