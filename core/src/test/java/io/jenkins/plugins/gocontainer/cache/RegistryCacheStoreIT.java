package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryCredentials;
import io.jenkins.plugins.gocontainer.registry.RegistryException;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;
import io.jenkins.plugins.gocontainer.testing.Htpasswd;
import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cache entries as OCI artifacts in the real registry (distribution 2.8). */
class RegistryCacheStoreIT {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1));
    private static final CacheKey KEY = CacheKey.of("gomod-go1.26.0-linux-amd64-aaaa", "gomod-go1.26.0-linux-amd64-");

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

    private static RegistryClient anonymous() {
        return new RegistryClient(new RegistryHttp(host -> Optional.empty(), QUICK, Set.of()));
    }

    private static ImageReference repository(String name) {
        return ImageReference.parse(registry.hostPort() + "/" + name);
    }

    private static RegistryCacheStore savedAt(RegistryClient client, String repository, String instant) {
        return new RegistryCacheStore(client, repository(repository), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aSavedTreeIsAnOciArtifactAndIsRestoredOnAnExactHit() throws Exception {
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 1);
        TreeFixture.makeReadOnly(source);
        RegistryCacheStore store = savedAt(anonymous(), "team/app-cache", "2026-04-01T12:00:00Z");

        SaveResult saved = store.save(KEY, source);
        RestoreResult restored = store.restore(KEY, temp.resolve("target"));

        assertThat(saved.outcome()).isEqualTo(SaveResult.Outcome.SAVED);
        assertThat(restored.outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(restored.matchedKey()).contains(KEY.key());
        assertThat(restored.bytes()).isEqualTo(saved.bytes()).isPositive();
        assertThat(restored.warning()).isEmpty();
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(source));
        assertThat(siblings(temp.resolve("target"))).as("no download or staging left").containsExactlyInAnyOrder("source", "target");

        RegistryProbe.Manifest served = RegistryProbe.manifest(registry, "team/app-cache", KEY.key());
        assertThat(served.contentType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        Map<String, Object> manifest = Json.parseObject(served.body());
        assertThat(manifest).containsEntry("mediaType", MediaTypes.OCI_MANIFEST).containsEntry("artifactType", "application/vnd.gocb.cache.v1");
        assertThat(manifest.get("config")).isEqualTo(Map.of("mediaType", "application/vnd.oci.empty.v1+json",
            "digest", "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size", 2L));
        Map<?, ?> layer = (Map<?, ?>) ((List<?>) manifest.get("layers")).get(0);
        assertThat(layer.get("mediaType")).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
        assertThat(layer.get("size")).isEqualTo(saved.bytes());
        assertThat(((Map<?, ?>) layer.get("annotations")).get("org.opencontainers.image.created")).isEqualTo("2026-04-01T12:00:00Z");
        assertThat(((Map<?, ?>) manifest.get("annotations")).get("org.opencontainers.image.created")).isEqualTo("2026-04-01T12:00:00Z");
        assertThat(Files.readAllBytes(registry.blobFile((String) layer.get("digest")))).as("the layer is the archive")
            .hasSize((int) saved.bytes());
    }

    @Test
    void anExistingKeyIsNotUploadedAgainAndAnIdenticalTreeReusesTheLayer() throws Exception {
        Path source = TreeFixture.goModuleCache(temp.resolve("source"), 2);
        RegistryClient client = anonymous();
        RegistryCacheStore store = new RegistryCacheStore(client, repository("team/dedup-cache"));
        SaveResult first = store.save(KEY, source);
        long afterFirst = client.http().bytesSent();

        SaveResult again = store.save(KEY, source);
        long afterAgain = client.http().bytesSent();
        SaveResult otherKey = store.save(CacheKey.of("gomod-go1.26.0-linux-amd64-bbbb"), source);

        assertThat(afterFirst).isGreaterThan(first.bytes());
        assertThat(again.outcome()).isEqualTo(SaveResult.Outcome.ALREADY_PRESENT);
        assertThat(again.bytes()).isZero();
        assertThat(afterAgain).as("nothing sent for a present key").isEqualTo(afterFirst);
        assertThat(otherKey.outcome()).isEqualTo(SaveResult.Outcome.SAVED);
        int manifestBytes = RegistryProbe.manifest(registry, "team/dedup-cache", "gomod-go1.26.0-linux-amd64-bbbb").body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(client.http().bytesSent() - afterAgain).as("the same tree packs to the same blob: only the manifest is sent").isEqualTo(manifestBytes);
    }

    @Test
    void prefixFallbackListsTagsAndPicksTheNewestEntry() throws Exception {
        RegistryClient client = anonymous();
        savedAt(client, "team/prefix-cache", "2026-01-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-zzzz"), TreeFixture.goModuleCache(temp.resolve("old"), 3));
        savedAt(client, "team/prefix-cache", "2026-02-01T00:00:00Z").save(CacheKey.of("gomod-go1.26.0-linux-amd64-bbbb"), TreeFixture.goModuleCache(temp.resolve("new"), 4));
        savedAt(client, "team/prefix-cache", "2026-03-01T00:00:00Z").save(CacheKey.of("gobuild-go1.26.0-linux-amd64-cccc"), TreeFixture.goModuleCache(temp.resolve("build"), 5));

        RestoreResult result = new RegistryCacheStore(client, repository("team/prefix-cache")).restore(KEY, temp.resolve("target"));

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.PREFIX_HIT);
        assertThat(result.matchedKey()).contains("gomod-go1.26.0-linux-amd64-bbbb");
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(temp.resolve("new")));
    }

    @Test
    void aMissingRepositoryOrTagIsAMissNotAnError() throws Exception {
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.writeString(target.resolve("mine.txt"), "mine");

        RestoreResult noRepository = new RegistryCacheStore(anonymous(), repository("nobody/pushed-here")).restore(KEY, target);
        new RegistryCacheStore(anonymous(), repository("team/other-cache")).save(CacheKey.of("unrelated"), TreeFixture.goModuleCache(temp.resolve("x"), 6));
        RestoreResult noTag = new RegistryCacheStore(anonymous(), repository("team/other-cache")).restore(KEY, target);

        assertThat(List.of(noRepository, noTag)).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.MISS);
            assertThat(result.warning()).isEmpty();
        });
        assertThat(TreeFixture.describe(target)).containsOnlyKeys("mine.txt");
    }

    @FaultSuite
    @Test
    void aBlobCorruptedInTheRegistryIsAMissWithAWarningAndNothingIsExtracted() throws Exception {
        RegistryCacheStore store = new RegistryCacheStore(anonymous(), repository("team/corrupt-cache"));
        store.save(KEY, TreeFixture.goModuleCache(temp.resolve("source"), 7));
        Map<?, ?> layer = (Map<?, ?>) ((List<?>) Json.parseObject(RegistryProbe.manifest(registry, "team/corrupt-cache", KEY.key()).body()).get("layers")).get(0);
        String digest = (String) layer.get("digest");
        Path stored = registry.blobFile(digest);
        byte[] damaged = Files.readAllBytes(stored);
        damaged[damaged.length / 2] ^= 0x40;
        Files.write(stored, damaged);
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.writeString(target.resolve("mine.txt"), "mine");

        RestoreResult result = store.restore(KEY, target);

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        assertThat(result.warning()).hasValueSatisfying(warning -> assertThat(warning)
            .contains("cache entry " + registry.hostPort() + "/team/corrupt-cache:" + KEY.key() + " is corrupt")
            .contains("blob " + digest)
            .contains("has digest sha256:"));
        assertThat(TreeFixture.describe(target)).containsOnlyKeys("mine.txt");
        assertThat(siblings(target)).containsExactlyInAnyOrder("source", "target");
    }

    @Test
    void aTagThatIsNotACacheEntryIsIgnoredOnRestoreAndNeverOverwritten() throws Exception {
        SyntheticImage.push(registry.hostPort(), "team/app", KEY.key(), 1, 1000, null, 8);
        RegistryCacheStore store = new RegistryCacheStore(anonymous(), repository("team/app"));

        RestoreResult result = store.restore(CacheKey.of(KEY.key()), temp.resolve("target"));

        assertThat(result.outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        assertThat(result.warning()).hasValueSatisfying(warning -> assertThat(warning).contains("is not a gocb cache entry"));
        assertThatThrownBy(() -> store.save(KEY, TreeFixture.goModuleCache(temp.resolve("source"), 9)))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("the tag exists and is not a gocb cache entry")
            .hasMessageContaining("team/app-cache");
        assertThat(temp.resolve("target")).doesNotExist();
    }

    @Test
    void aRepositoryWithATagIsRefused() {
        assertThatThrownBy(() -> new RegistryCacheStore(anonymous(), ImageReference.parse(registry.hostPort() + "/team/app:latest")))
            .isInstanceOf(CacheException.class)
            .hasMessageContaining("has a tag or digest");
    }

    @Test
    void basicAuthRegistriesNeedCredentialsAndRefuseAnonymousRestoresClearly() throws Exception {
        Path htpasswd = Htpasswd.write(temp.resolve("htpasswd"), "ci", "cache-password-1");
        try (LocalRegistry secured = LocalRegistry.start(Optional.of(htpasswd))) {
            ImageReference repository = ImageReference.parse(secured.hostPort() + "/team/private-cache");
            RegistryClient ci = new RegistryClient(new RegistryHttp(host -> Optional.of(new RegistryCredentials("ci", "cache-password-1")), QUICK, Set.of()));
            Path source = TreeFixture.goModuleCache(temp.resolve("source"), 10);

            assertThat(new RegistryCacheStore(ci, repository).save(KEY, source).outcome()).isEqualTo(SaveResult.Outcome.SAVED);
            RestoreResult restored = new RegistryCacheStore(ci, repository).restore(KEY, temp.resolve("target"));
            assertThat(restored.outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
            assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(source));

            assertThatThrownBy(() -> new RegistryCacheStore(anonymous(), repository).restore(KEY, temp.resolve("anonymous")))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining("anonymously");
        }
    }

    private static List<String> siblings(Path path) throws Exception {
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
