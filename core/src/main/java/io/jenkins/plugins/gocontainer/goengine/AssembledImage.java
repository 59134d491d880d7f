package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image the go engine wrote, ready to publish: one image per platform (config, layers,
 * manifest) and, for several platforms, the index over them.
 *
 * @param top    what a tag names: the image's manifest, or the index
 * @param images one per platform, in the order asked for
 */
public record AssembledImage(Manifest top, List<PlatformImage> images) {

    public static final String CONFIG_MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";

    /** One platform's image: its config's bytes and the layers its manifest lists, base first. */
    public record PlatformImage(Platform platform, Manifest manifest, byte[] config, List<ImageLayer> layers) {
        public PlatformImage {
            config = config.clone();
            layers = List.copyOf(layers);
        }

        public String configDigest() {
            return Digests.sha256(config);
        }

        @Override
        public byte[] config() {
            return config.clone();
        }
    }

    public AssembledImage {
        images = List.copyOf(images);
    }

    public boolean isIndex() {
        return top.isIndex();
    }

    /** The config's digest of a single-platform image; empty for an index, as BuildKit reports it. */
    public Optional<String> configDigest() {
        return isIndex() ? Optional.empty() : Optional.of(images.get(0).configDigest());
    }

    public List<Platform> platforms() {
        return images.stream().map(PlatformImage::platform).toList();
    }

    /** Every layer, once, by digest: platforms share the base layer. */
    public Map<String, ImageLayer> layers() {
        Map<String, ImageLayer> layers = new LinkedHashMap<>();
        images.forEach(image -> image.layers().forEach(layer -> layers.putIfAbsent(layer.digest(), layer)));
        return layers;
    }

    /** The manifests below the top one: each platform's, for an index; none for a single image. */
    public List<Manifest> children() {
        return isIndex() ? images.stream().map(PlatformImage::manifest).toList() : List.of();
    }

    /** Every manifest, children first: the order in which a registry accepts them. */
    public List<Manifest> manifestsInPushOrder() {
        List<Manifest> manifests = new ArrayList<>(children());
        manifests.add(top);
        return manifests;
    }
}
