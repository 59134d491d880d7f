package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.tags.DockerTag;
import io.jenkins.plugins.gocontainer.tags.InvalidDockerTagException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts tags on an image that is already in a registry, without rebuilding and without re-uploading
 * layers: the source manifest's exact bytes are PUT under each tag, so every tag has the source's
 * digest, which is checked after each PUT. Promotion to another repository first makes the content
 * present there (mount within a registry, copy across registries; child manifests before the index).
 * Idempotent: a tag already at the digest is left alone.
 */
public final class TagPusher {

    private static final int PARALLEL_TAGS = 4;

    private final RegistryClient client;

    public TagPusher(RegistryClient client) {
        this.client = client;
    }

    /**
     * @param source a reference with a digest or a tag
     * @param target the repository to tag in (its tag, if any, is ignored)
     * @param tags   the tags to place, validated before anything is sent
     */
    public RetagResult push(ImageReference source, ImageReference target, List<String> tags) throws IOException, InterruptedException {
        List<String> wanted = validated(target, tags);
        String sourceReference = source.digestOptional().or(source::tagOptional).orElseThrow(() -> new RegistryException(
            "the source " + source + " names neither a digest nor a tag",
            "push-tags copies tags from content that is already pushed", "pass {@from} sha256:<digest> or {@from} <existing tag>"));
        Manifest manifest = client.getManifest(source, sourceReference).orElseThrow(() -> new RegistryException(
            "the source " + source.name() + (Digests.isDigest(sourceReference) ? "@" : ":") + sourceReference + " does not exist",
            "push-tags only tags content that is already in the registry", "push the image first (gocb build pushes its candidate tag), or fix --from"));
        long bytesBefore = client.http().bytesSent();
        ContentCopy copy = new ContentCopy(source, target);
        if (!source.name().equals(target.name())) {
            copy.ensurePresent(manifest);
        }
        List<TagOutcome> outcomes = placeAll(target, wanted, manifest);
        return new RetagResult(target.repositoryOnly(), manifest.digest(), manifest.mediaType(), outcomes,
            copy.mounted, copy.copied, client.http().bytesSent() - bytesBefore);
    }

    /**
     * Places the tags a few at a time: each tag is two round trips (HEAD, PUT), and they are
     * independent. A tag that fails for good ends the run with the exact sets of tagged and untagged.
     */
    private List<TagOutcome> placeAll(ImageReference target, List<String> tags, Manifest manifest) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_TAGS, tags.size()), runnable -> {
            Thread thread = new Thread(runnable, "gocb-push-tags");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TagOutcome>> futures = new ArrayList<>();
            for (String tag : tags) {
                futures.add(pool.submit(() -> place(target, tag, manifest)));
            }
            List<TagOutcome> placed = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            RegistryException firstFailure = null;
            for (int i = 0; i < tags.size(); i++) {
                try {
                    placed.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failed.add(tags.get(i));
                    if (firstFailure == null) {
                        firstFailure = e.getCause() instanceof RegistryException registry ? registry
                            : new RegistryException("tag " + tags.get(i) + " failed: " + e.getCause(), "an unexpected error", "report it", e.getCause());
                    }
                }
            }
            if (firstFailure != null) {
                throw new PushTagsIncompleteException(target.name(), manifest.digest(), placed.stream().map(TagOutcome::tag).toList(), failed, firstFailure);
            }
            return placed;
        } finally {
            pool.shutdownNow();
        }
    }

    private TagOutcome place(ImageReference target, String tag, Manifest manifest) throws InterruptedException {
        Optional<Descriptor> existing = client.headManifest(target, tag);
        if (existing.isPresent() && existing.get().digest().equals(manifest.digest())) {
            return new TagOutcome(tag, TagOutcome.Action.UNCHANGED, existing.map(Descriptor::digest));
        }
        // The registry reports the digest it stored in its answer to the PUT; that is the check.
        String reported = client.putManifest(target, tag, manifest);
        if (!reported.equals(manifest.digest())) {
            throw new RegistryException("the registry stored " + target.name() + ":" + tag + " as " + reported + ", not " + manifest.digest(),
                "the registry rewrote the manifest (some registries convert media types), so the tag does not name the built image",
                "use a registry that stores manifests byte for byte (any OCI distribution registry does)");
        }
        return new TagOutcome(tag, existing.isPresent() ? TagOutcome.Action.MOVED : TagOutcome.Action.CREATED, existing.map(Descriptor::digest));
    }

    private static List<String> validated(ImageReference target, List<String> tags) {
        if (tags.isEmpty()) {
            throw new RegistryException("no tags to push", "push-tags needs at least one tag", "pass --tag TAG (repeatable) or tag rules");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            DockerTag.problem(tag).ifPresent(problem -> {
                throw InvalidDockerTagException.explicit(tag, problem);
            });
            unique.add(tag);
        }
        return List.copyOf(unique);
    }

    /** Makes a manifest's content present in the target repository. */
    private final class ContentCopy {
        private final ImageReference source;
        private final ImageReference target;
        private int mounted;
        private int copied;

        ContentCopy(ImageReference source, ImageReference target) {
            this.source = source;
            this.target = target;
        }

        void ensurePresent(Manifest manifest) throws IOException, InterruptedException {
            if (manifest.isIndex()) {
                for (Descriptor child : manifest.children()) {
                    Manifest childManifest = client.getManifest(source, child.digest()).orElseThrow(() -> new RegistryException(
                        "the index " + manifest.digest() + " names " + child.digest() + ", which " + source.name() + " does not have",
                        "the source image is incomplete", "push the source image again"));
                    ensurePresent(childManifest);
                    client.putManifest(target, child.digest(), childManifest);
                }
                return;
            }
            for (Descriptor blob : manifest.blobs()) {
                if (client.blobExists(target, blob.digest())) {
                    continue;
                }
                if (source.registry().equals(target.registry()) && client.mountBlob(target, blob.digest(), source)) {
                    mounted++;
                } else {
                    client.copyBlob(source, target, blob);
                    copied++;
                }
            }
        }
    }
}
