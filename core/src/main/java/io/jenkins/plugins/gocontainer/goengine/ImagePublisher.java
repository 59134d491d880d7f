package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes an assembled image under its names, in the order that never leaves a tag on an incomplete
 * image: every blob first (one the repository has is not sent, one another repository of the same
 * registry received in this push is mounted), then each platform's manifest by digest, the tag last.
 * The registry client retries 429, 5xx and dropped connections as push-tags does.
 */
final class ImagePublisher {

    /** What the push sent: blobs uploaded and their bytes, blobs the registry had or mounted. */
    record Pushed(int uploaded, long uploadedBytes, int present, int mounted) {
        String describe() {
            return uploaded + " blob" + (uploaded == 1 ? "" : "s") + " uploaded (" + new ByteSize(uploadedBytes).toDecimalString() + "), "
                + present + " already in the registry" + (mounted > 0 ? ", " + mounted + " mounted from another repository" : "");
        }
    }

    private final RegistryClient client;

    ImagePublisher(RegistryClient client) {
        this.client = client;
    }

    Pushed push(AssembledImage image, List<ImageReference> names, OutputSink log) throws IOException, InterruptedException {
        int uploaded = 0;
        long bytes = 0;
        int present = 0;
        int mounted = 0;
        List<ImageReference> done = new ArrayList<>();
        Set<String> repositories = new HashSet<>();
        for (ImageReference name : names) {
            ImageReference repository = name.repositoryOnly();
            if (repositories.add(repository.registry() + "/" + repository.repository())) {
                for (ImageLayer layer : image.layers().values()) {
                    switch (send(repository, layer.digest(), done)) {
                        case PRESENT -> present++;
                        case MOUNTED -> mounted++;
                        case UPLOAD -> {
                            client.uploadBlob(repository, layer.digest(), layer.file());
                            uploaded++;
                            bytes += layer.size();
                        }
                    }
                }
                for (AssembledImage.PlatformImage platform : image.images()) {
                    switch (send(repository, platform.configDigest(), done)) {
                        case PRESENT -> present++;
                        case MOUNTED -> mounted++;
                        case UPLOAD -> {
                            client.uploadBlob(repository, platform.config());
                            uploaded++;
                            bytes += platform.config().length;
                        }
                    }
                }
                for (Manifest child : image.children()) {
                    client.putManifest(repository, child.digest(), child);
                }
                done.add(repository);
            }
            String reference = name.tag() != null ? name.tag() : image.top().digest();
            client.putManifest(repository, reference, image.top());
            log.line("gocb: pushed " + (name.tag() == null ? repository.withDigest(reference) : repository.withTag(reference) + "@" + image.top().digest()));
        }
        Pushed pushed = new Pushed(uploaded, bytes, present, mounted);
        log.line("gocb: " + pushed.describe());
        return pushed;
    }

    private enum Transfer { PRESENT, MOUNTED, UPLOAD }

    private Transfer send(ImageReference repository, String digest, List<ImageReference> done) throws InterruptedException {
        if (client.blobExists(repository, digest)) {
            return Transfer.PRESENT;
        }
        for (ImageReference other : done) {
            if (other.registry().equals(repository.registry()) && client.mountBlob(repository, digest, other)) {
                return Transfer.MOUNTED;
            }
        }
        return Transfer.UPLOAD;
    }
}
