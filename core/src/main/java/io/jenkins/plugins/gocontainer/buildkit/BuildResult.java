package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.Platform;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.util.List;
import java.util.Optional;

/**
 * What a build produced, read from the builder's metadata file.
 *
 * @param digest       digest of the pushed manifest or index: the immutable name of the image
 * @param configDigest digest of the image config (absent for a multi-platform index)
 * @param mediaType    media type of the manifest or index
 * @param size         size in bytes of the manifest or index
 * @param names        the names it was pushed under (empty for an OCI archive)
 * @param platforms    the image's platform, or the platforms of an index as asked for
 */
public record BuildResult(String digest, Optional<String> configDigest, String mediaType, long size,
                          List<ImageReference> names, List<Platform> platforms) {

    public BuildResult {
        names = List.copyOf(names);
        platforms = List.copyOf(platforms);
    }

    public boolean isIndex() {
        return mediaType.contains("index") || mediaType.contains("manifest.list");
    }

    /** Each pushed name pinned to the digest, e.g. {@code 127.0.0.1:5000/hello@sha256:...}. */
    public List<ImageReference> pinnedReferences() {
        return names.stream().map(name -> name.withDigest(digest)).distinct().toList();
    }
}
