package io.jenkins.plugins.gocontainer.registry;

import java.util.List;

/**
 * The outcome of a complete {@link TagPusher} run: every tag now points at {@code digest}.
 *
 * @param blobsMounted blobs linked from the source repository without transfer (promotion within a registry)
 * @param blobsCopied  blobs downloaded and uploaded (promotion across registries)
 * @param bytesSent    request bytes sent: manifests, plus blobs when copied
 */
public record RetagResult(ImageReference target, String digest, String mediaType, List<TagOutcome> tags,
                             int blobsMounted, int blobsCopied, long bytesSent) {

    public RetagResult {
        tags = List.copyOf(tags);
    }

    public List<ImageReference> references() {
        return tags.stream().map(t -> target.withTag(t.tag())).toList();
    }
}
