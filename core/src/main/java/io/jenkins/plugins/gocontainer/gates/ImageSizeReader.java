package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryException;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Walks an index or manifest from a blob source and measures every platform's image. */
final class ImageSizeReader {

    /** Where manifests, configs and layers come from. */
    interface Blobs {
        String source();

        /** The top-level manifest or index. */
        Manifest top() throws IOException, InterruptedException;

        Manifest manifest(Descriptor descriptor) throws IOException, InterruptedException;

        byte[] config(Descriptor descriptor) throws IOException, InterruptedException;

        /** Unpacked size of a layer, streamed. */
        OptionalLong unpacked(Descriptor layer, List<String> notes) throws IOException, InterruptedException;
    }

    private static final String UNKNOWN_PLATFORM = "unknown/unknown";

    private final Blobs blobs;
    private final boolean measureUncompressed;

    ImageSizeReader(Blobs blobs, boolean measureUncompressed) {
        this.blobs = blobs;
        this.measureUncompressed = measureUncompressed;
    }

    ImageSize measure() throws IOException, InterruptedException {
        Manifest top = blobs.top();
        List<ImageSize.PlatformSize> platforms = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        walk(top, Optional.empty(), platforms, notes, 0);
        if (platforms.isEmpty()) {
            throw new GocbException(blobs.source() + " holds no image for any platform",
                "its index lists only attestations or nothing at all", "measure the image itself, not an attestation or an empty index");
        }
        return new ImageSize(blobs.source(), top.digest(), platforms, notes);
    }

    private void walk(Manifest manifest, Optional<String> platform, List<ImageSize.PlatformSize> platforms, List<String> notes, int depth)
        throws IOException, InterruptedException {
        if (manifest.isIndex()) {
            if (depth > 4) {
                throw new GocbException(blobs.source() + " nests indexes too deeply", "the index is malformed", "rebuild the image");
            }
            for (Descriptor child : manifest.children()) {
                if (child.platform().filter(UNKNOWN_PLATFORM::equals).isPresent()) {
                    continue; // attestation manifests (provenance, SBOM) are not part of the runnable image
                }
                walk(blobs.manifest(child), child.platform(), platforms, notes, depth + 1);
            }
            return;
        }
        platforms.add(measureImage(manifest, platform, notes));
    }

    private ImageSize.PlatformSize measureImage(Manifest manifest, Optional<String> platform, List<String> notes)
        throws IOException, InterruptedException {
        List<Descriptor> all = manifest.blobs();
        if (all.isEmpty()) {
            throw new GocbException("manifest " + manifest.digest() + " of " + blobs.source() + " has no config",
                "it is not an image manifest", "measure an image");
        }
        Descriptor configDescriptor = all.get(0);
        List<Descriptor> layers = all.subList(1, all.size());
        Map<String, Object> config = ImageSize.parseConfig(blobs.config(configDescriptor), "config " + configDescriptor.digest() + " of " + blobs.source());
        List<String> steps = ImageSize.layerSteps(config, layers.size());
        List<ImageSize.LayerSize> measured = new ArrayList<>();
        boolean allKnown = measureUncompressed;
        long unpackedTotal = 0;
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            OptionalLong unpacked = measureUncompressed ? blobs.unpacked(layer, notes) : OptionalLong.empty();
            if (unpacked.isPresent()) {
                unpackedTotal += unpacked.getAsLong();
            } else {
                allKnown = false;
            }
            measured.add(new ImageSize.LayerSize(i, layer.digest(), layer.mediaType(), layer.size(), unpacked, steps.get(i)));
        }
        String name = platform.orElseGet(() -> ImageSize.configPlatform(config));
        return new ImageSize.PlatformSize(name.isEmpty() ? "default" : name, manifest.digest(), manifest.compressedSize(),
            allKnown ? OptionalLong.of(unpackedTotal) : OptionalLong.empty(), measured);
    }

    /** Blobs from a registry, layers downloaded to temporary files that are always deleted. */
    static final class RegistryBlobs implements Blobs {
        private final RegistryClient client;
        private final ImageReference reference;

        RegistryBlobs(RegistryClient client, ImageReference reference) {
            this.client = client;
            this.reference = reference;
        }

        @Override
        public String source() {
            return reference.toString();
        }

        @Override
        public Manifest top() throws InterruptedException {
            String ref = reference.digestOptional().orElse(reference.tagOptional().orElse("latest"));
            return client.getManifest(reference, ref).orElseThrow(() -> new GocbException(
                "image " + reference + " not found in the registry " + reference.registry(),
                "it has not been pushed yet, or the repository, tag or digest is misspelt",
                "push the image first (gocb build --image " + reference + "), or fix the image name"));
        }

        @Override
        public Manifest manifest(Descriptor descriptor) throws InterruptedException {
            return client.getManifest(reference, descriptor.digest()).orElseThrow(() -> new GocbException(
                "manifest " + descriptor.digest() + " listed by " + reference + " is missing from the registry",
                "the index was pushed without all its platform images, or they were garbage-collected",
                "push the image again"));
        }

        @Override
        public byte[] config(Descriptor descriptor) throws InterruptedException {
            RegistryHttp.Call call = blobCall(descriptor);
            RegistryHttp.Response response = client.http().send(call);
            check(call, response, descriptor);
            return response.body();
        }

        @Override
        public OptionalLong unpacked(Descriptor layer, List<String> notes) throws IOException, InterruptedException {
            Path temp = Files.createTempFile("gocb-layer-", ".blob");
            try {
                RegistryHttp.Call call = blobCall(layer).downloadingTo(temp);
                check(call, client.http().send(call), layer);
                try (InputStream in = Files.newInputStream(temp)) {
                    return ImageSize.unpackedSize(layer, in, notes);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        private RegistryHttp.Call blobCall(Descriptor blob) {
            return RegistryHttp.Call.get(reference.registry(), "/v2/" + reference.repository() + "/blobs/" + blob.digest(),
                List.of("repository:" + reference.repository() + ":pull"), Map.of());
        }

        private void check(RegistryHttp.Call call, RegistryHttp.Response response, Descriptor blob) {
            int status = response.status();
            if (status < 300) {
                return;
            }
            if (status == 401 || status == 403) {
                throw client.http().unauthorized(call, client.http().credentialsFor(reference.registry()), "HTTP " + status);
            }
            if (status == 404) {
                throw new GocbException("blob " + blob.digest() + " of " + reference + " is missing from the registry",
                    "the image was pushed incompletely, or the blob was garbage-collected", "push the image again");
            }
            throw new RegistryException("GET " + call.pathAndQuery() + " on " + reference.registry() + " failed: HTTP " + status,
                "the registry could not serve the blob", "retry later, or check the registry's health");
        }
    }

    /** Blobs from an OCI image layout (directory or tar). */
    static final class LayoutBlobs implements Blobs {
        private final OciArchive layout;

        LayoutBlobs(OciArchive layout) {
            this.layout = layout;
        }

        @Override
        public String source() {
            return layout.path().toString();
        }

        @Override
        public Manifest top() throws IOException {
            if (!layout.exists("index.json")) {
                throw new GocbException(layout.path() + " is not an OCI image layout: it has no index.json",
                    "the directory is something else, or the build wrote another output type",
                    "pass the directory or tar written by an OCI output (gocb build --oci PATH)");
            }
            return Manifest.of(MediaTypes.OCI_INDEX, layout.read("index.json"));
        }

        @Override
        public Manifest manifest(Descriptor descriptor) throws IOException {
            byte[] bytes = layout.read(blobPath(descriptor));
            String mediaType = descriptor.mediaType();
            if (mediaType.isEmpty()) {
                try {
                    Object type = Json.parseObject(new String(bytes, StandardCharsets.UTF_8)).get("mediaType");
                    mediaType = type instanceof String t ? t : MediaTypes.OCI_MANIFEST;
                } catch (JsonSyntaxException e) {
                    throw new GocbException("manifest " + descriptor.digest() + " in " + layout.path() + " is not valid JSON",
                        "the layout is corrupted", "build it again");
                }
            }
            return Manifest.of(mediaType, bytes);
        }

        @Override
        public byte[] config(Descriptor descriptor) throws IOException {
            return layout.read(blobPath(descriptor));
        }

        @Override
        public OptionalLong unpacked(Descriptor layer, List<String> notes) throws IOException {
            try (InputStream in = layout.open(blobPath(layer))) {
                return ImageSize.unpackedSize(layer, in, notes);
            }
        }

        private static String blobPath(Descriptor descriptor) {
            String digest = descriptor.digest();
            int colon = digest.indexOf(':');
            if (colon <= 0 || digest.substring(colon + 1).contains("/") || digest.contains("..")) {
                throw new GocbException("invalid digest '" + digest + "' in the OCI layout", "the layout is corrupted", "build it again");
            }
            return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
        }
    }
}
