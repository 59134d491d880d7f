package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RetagResult;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * What {@link PushTags} did. {@link #toMap()} is the {@code pushTags} step's return value and
 * {@code gocb push-tags --format json}'s output.
 *
 * @param image the repository tagged in
 * @param tags  each tag with what was done: created, moved or unchanged
 * @param refs  every reference that now names {@code digest}
 */
public record PushTagsResult(String image, String digest, String mediaType, List<Tag> tags, List<String> refs, int blobsMounted,
                             int blobsCopied, long bytesSent) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One tag and what was done to it; {@code previousDigest} is what it named before a move. */
    public record Tag(String tag, String action, String previousDigest) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public PushTagsResult {
        tags = List.copyOf(tags);
        refs = List.copyOf(refs);
    }

    static PushTagsResult of(RetagResult result) {
        return new PushTagsResult(result.target().toString(), result.digest(), result.mediaType(),
            result.tags().stream().map(t -> new Tag(t.tag(), t.action().name().toLowerCase(Locale.ROOT), t.previousDigest().orElse(null))).toList(),
            result.references().stream().map(ImageReference::toString).toList(), result.blobsMounted(), result.blobsCopied(), result.bytesSent());
    }

    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("image", image);
        map.put("digest", digest);
        map.put("mediaType", mediaType);
        ArrayList<Object> tagMaps = new ArrayList<>();
        for (Tag tag : tags) {
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put("tag", tag.tag());
            entry.put("action", tag.action());
            entry.put("previousDigest", tag.previousDigest());
            tagMaps.add(entry);
        }
        map.put("tags", tagMaps);
        map.put("refs", new ArrayList<>(refs));
        map.put("blobsMounted", blobsMounted);
        map.put("blobsCopied", blobsCopied);
        map.put("bytesSent", bytesSent);
        return map;
    }
}
