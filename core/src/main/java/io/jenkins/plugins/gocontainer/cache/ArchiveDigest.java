package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.registry.Digests;

/** The sha256 digest ({@code sha256:<hex>}) and byte size of a cache archive, as recorded when it was saved. */
public record ArchiveDigest(String digest, long size) {

    public ArchiveDigest {
        if (!Digests.isDigest(digest)) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative archive size " + size);
        }
    }
}
