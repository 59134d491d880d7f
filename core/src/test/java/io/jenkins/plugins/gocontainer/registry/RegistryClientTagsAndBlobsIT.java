package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tag listing, blob upload and verified download, against the real registry. */
class RegistryClientTagsAndBlobsIT {

    private static LocalRegistry registry;

    @TempDir
    Path temp;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = LocalRegistry.start();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        registry.close();
    }

    private static RegistryClient client() {
        return new RegistryClient(new RegistryHttp(host -> Optional.empty(), new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)), Set.of()));
    }

    /** distribution 2.8 lists every tag in one answer; {@link TagListPaginationTest} covers Link pages. */
    @Test
    void tagListingListsEveryTag() throws Exception {
        SyntheticImage.Pushed image = SyntheticImage.push(registry.hostPort(), "paged/app", "t1", 1, 100, null, 1);
        RegistryClient client = client();
        ImageReference repository = ImageReference.parse(registry.hostPort() + "/paged/app");
        for (String tag : new String[] {"t2", "t3", "t4", "t5"}) {
            client.putManifest(repository, tag, Manifest.of(image.mediaType(), image.manifest()));
        }

        assertThat(client.listTags(repository)).containsExactlyInAnyOrder("t1", "t2", "t3", "t4", "t5");
    }

    @Test
    void aMissingRepositoryHasNoTags() throws Exception {
        assertThat(client().listTags(ImageReference.parse(registry.hostPort() + "/never/pushed"))).isEmpty();
    }

    @Test
    void uploadedBlobsAreDownloadedAndVerified() throws Exception {
        byte[] content = new byte[300_000];
        new Random(2).nextBytes(content);
        Path file = Files.write(temp.resolve("blob"), content);
        String digest = Digests.sha256(content);
        RegistryClient client = client();
        ImageReference repository = ImageReference.parse(registry.hostPort() + "/blobs/app");

        client.uploadBlob(repository, digest, file);
        client.uploadBlob(repository, "{}".getBytes());

        assertThat(client.blobExists(repository, digest)).isTrue();
        assertThat(client.blobExists(repository, Digests.sha256("{}".getBytes()))).isTrue();
        Path downloaded = temp.resolve("downloaded");
        assertThat(client.downloadBlob(repository, new Descriptor("application/octet-stream", digest, content.length, Optional.empty()), downloaded)).isTrue();
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(content);
        assertThat(client.downloadBlob(repository, new Descriptor("application/octet-stream", "sha256:" + "1".repeat(64), 5, Optional.empty()),
            temp.resolve("missing"))).isFalse();
    }

    @Test
    void aBlobCorruptedInTheRegistrysStorageIsDetected() throws Exception {
        byte[] content = new byte[50_000];
        new Random(3).nextBytes(content);
        String digest = Digests.sha256(content);
        RegistryClient client = client();
        ImageReference repository = ImageReference.parse(registry.hostPort() + "/blobs/corrupt");
        client.uploadBlob(repository, content);
        Path stored = registry.blobFile(digest);
        byte[] damaged = Files.readAllBytes(stored);
        damaged[1000] ^= 1;
        Files.write(stored, damaged);

        assertThatThrownBy(() -> client.downloadBlob(repository, new Descriptor("application/octet-stream", digest, content.length, Optional.empty()),
            temp.resolve("downloaded")))
            .isInstanceOf(BlobDigestMismatchException.class)
            .hasMessageContaining("blob " + digest + " from " + repository.name() + " has digest sha256:")
            .hasMessageContaining("corrupted content");
    }
}
