package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.testing.Htpasswd;
import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** pushTags against the real registry: same digest, no blob bytes, promotion, Basic auth. */
@ExtendWith(RealEnvironment.Extension.class)
class TagPusherIT {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2));

    static RegistryClient anonymousClient() {
        return new RegistryClient(new RegistryHttp(registry -> Optional.empty(), FAST, Set.of()));
    }

    @Test
    void retagKeepsTheDigestAndSendsNoBlobBytes(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed image = SyntheticImage.push(registry, "retag/app", "sha-1234567", 3, 200_000, null, 1);
        RegistryClient client = anonymousClient();
        ImageReference repository = ImageReference.parse(registry + "/retag/app");

        RetagResult result = new TagPusher(client).push(repository.withTag("sha-1234567"), repository, List.of("1.2.3", "1.2", "1", "latest"));

        assertThat(result.digest()).isEqualTo(image.digest());
        assertThat(result.tags()).extracting(TagOutcome::action).containsOnly(TagOutcome.Action.CREATED);
        for (String tag : List.of("1.2.3", "1.2", "1", "latest")) {
            RegistryProbe.Manifest served = RegistryProbe.manifest(env.registry(), "retag/app", tag);
            assertThat(served.computedDigest()).as(tag).isEqualTo(image.digest());
            assertThat(served.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(image.manifest());
        }
        assertThat(result.bytesSent()).as("only the manifest bytes, once per tag").isEqualTo(4L * image.manifest().length);
        assertThat(result.blobsCopied() + result.blobsMounted()).isZero();

        RetagResult again = new TagPusher(client).push(repository.withDigest(image.digest()), repository, List.of("1.2.3", "latest"));
        assertThat(again.tags()).extracting(TagOutcome::action).containsOnly(TagOutcome.Action.UNCHANGED);
        assertThat(again.bytesSent()).isZero();
    }

    @Test
    void movingATagReportsWhereItPointedBefore(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed old = SyntheticImage.push(registry, "retag/moving", "latest", 1, 1000, null, 2);
        SyntheticImage.Pushed next = SyntheticImage.push(registry, "retag/moving", "candidate", 1, 1000, null, 3);
        ImageReference repository = ImageReference.parse(registry + "/retag/moving");

        RetagResult result = new TagPusher(anonymousClient()).push(repository.withTag("candidate"), repository, List.of("latest"));

        assertThat(result.tags()).singleElement().satisfies(tag -> {
            assertThat(tag.action()).isEqualTo(TagOutcome.Action.MOVED);
            assertThat(tag.previousDigest()).contains(old.digest());
        });
        assertThat(RegistryProbe.manifest(env.registry(), "retag/moving", "latest").computedDigest()).isEqualTo(next.digest());
    }

    @Test
    void retagsAMultiPlatformIndex(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed amd64 = SyntheticImage.push(registry, "retag/multi", "amd64", 1, 5000, null, 4);
        SyntheticImage.Pushed arm64 = SyntheticImage.push(registry, "retag/multi", "arm64", 1, 5000, null, 5);
        SyntheticImage.Pushed index = SyntheticImage.pushIndex(registry, "retag/multi", "sha-abcdef0", List.of(amd64, arm64), List.of("linux/amd64", "linux/arm64"), null);
        ImageReference repository = ImageReference.parse(registry + "/retag/multi");

        RetagResult result = new TagPusher(anonymousClient()).push(repository.withTag("sha-abcdef0"), repository, List.of("2.0.0"));

        RegistryProbe.Manifest served = RegistryProbe.manifest(env.registry(), "retag/multi", "2.0.0");
        assertThat(served.contentType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(served.computedDigest()).isEqualTo(index.digest()).isEqualTo(result.digest());
    }

    @Test
    void promotesAnIndexToAnotherRepositoryByMountingBlobs(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed amd64 = SyntheticImage.push(registry, "staging/app", "amd64", 2, 50_000, null, 6);
        SyntheticImage.Pushed arm64 = SyntheticImage.push(registry, "staging/app", "arm64", 2, 50_000, null, 7);
        SyntheticImage.Pushed index = SyntheticImage.pushIndex(registry, "staging/app", "rc", List.of(amd64, arm64), List.of("linux/amd64", "linux/arm64"), null);

        RetagResult result = new TagPusher(anonymousClient()).push(ImageReference.parse(registry + "/staging/app:rc"),
            ImageReference.parse(registry + "/production/app"), List.of("1.0.0"));

        assertThat(result.blobsMounted()).isEqualTo(6);
        assertThat(result.blobsCopied()).isZero();
        assertThat(RegistryProbe.manifest(env.registry(), "production/app", "1.0.0").computedDigest()).isEqualTo(index.digest());
        assertThat(RegistryProbe.manifest(env.registry(), "production/app", amd64.digest()).status()).as("child manifest promoted").isEqualTo(200);
        assertThat(result.bytesSent()).as("child manifests and the index, no blob bytes")
            .isEqualTo(amd64.manifest().length + arm64.manifest().length + index.manifest().length);
    }

    @Test
    void promotesAcrossRegistriesByCopyingBlobs(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed image = SyntheticImage.push(registry, "team/app", "1.0.0", 2, 30_000, null, 8);
        try (LocalRegistry production = LocalRegistry.start()) {
            RetagResult result = new TagPusher(anonymousClient()).push(ImageReference.parse(registry + "/team/app:1.0.0"),
                ImageReference.parse(production.hostPort() + "/team/app"), List.of("1.0.0", "stable"));

            assertThat(result.blobsCopied()).isEqualTo(3);
            assertThat(RegistryProbe.manifest(production, "team/app", "stable").computedDigest()).isEqualTo(image.digest());
            assertThat(result.bytesSent()).isGreaterThan(60_000);
        }
    }

    @Test
    void basicAuthWithHtpasswdAndAClearErrorForWrongCredentials(RealEnvironment env) throws Exception {
        Path htpasswd = Htpasswd.write(env.newDirectory("htpasswd-").resolve("htpasswd"), "ci", "right-password-1");
        try (LocalRegistry secured = LocalRegistry.start(Optional.of(htpasswd))) {
            SyntheticImage.Pushed image = SyntheticImage.push(secured.hostPort(), "private/app", "sha-1", 1, 1000,
                SyntheticImage.basic("ci", "right-password-1"), 9);
            ImageReference repository = ImageReference.parse(secured.hostPort() + "/private/app");
            RegistryClient right = new RegistryClient(new RegistryHttp(r -> Optional.of(new RegistryCredentials("ci", "right-password-1")), FAST, Set.of()));

            assertThat(new TagPusher(right).push(repository.withTag("sha-1"), repository, List.of("1.0.0")).digest()).isEqualTo(image.digest());

            RegistryClient wrong = new RegistryClient(new RegistryHttp(r -> Optional.of(new RegistryCredentials("ci", "wrong-password-2")), FAST, Set.of()));
            RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> new TagPusher(wrong).push(repository.withTag("sha-1"), repository, List.of("1.0.1")));
            assertThat(error.getMessage()).contains("refused").contains("as user 'ci'").contains("config.json").doesNotContain("wrong-password-2");

            RegistryException anonymous = catchThrowableOfType(RegistryException.class,
                () -> new TagPusher(anonymousClient()).push(repository.withTag("sha-1"), repository, List.of("1.0.1")));
            assertThat(anonymous.getMessage()).contains("anonymously");
        }
    }

    @Test
    void missingSourceIsAClearErrorAndNothingIsTagged(RealEnvironment env) throws Exception {
        ImageReference repository = ImageReference.parse(env.registry().hostPort() + "/retag/none");
        String digest = "sha256:" + "0".repeat(64);

        RegistryException error = catchThrowableOfType(RegistryException.class,
            () -> new TagPusher(anonymousClient()).push(repository.withDigest(digest), repository, List.of("1.0.0")));

        assertThat(error.getMessage()).contains("does not exist").contains(digest);
        assertThat(RegistryProbe.manifest(env.registry(), "retag/none", "1.0.0").status()).isEqualTo(404);
    }

    @Test
    void dockerConfigCredentialsAreUsed(RealEnvironment env) throws Exception {
        Path htpasswd = Htpasswd.write(env.newDirectory("htpasswd-").resolve("htpasswd"), "bot", "config-password-3");
        try (LocalRegistry secured = LocalRegistry.start(Optional.of(htpasswd))) {
            SyntheticImage.push(secured.hostPort(), "cfg/app", "sha-2", 1, 1000, SyntheticImage.basic("bot", "config-password-3"), 10);
            Path dockerDir = env.newDirectory("docker-");
            java.nio.file.Files.writeString(dockerDir.resolve("config.json"), "{\"auths\":{\"http://" + secured.hostPort() + "\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString("bot:config-password-3".getBytes()) + "\"}}}");
            DockerConfig config = DockerConfig.load(Map.of("DOCKER_CONFIG", dockerDir.toString()), Path.of("/nonexistent"));
            RegistryClient client = new RegistryClient(new RegistryHttp(config::credentialsFor, FAST, Set.of()));
            ImageReference repository = ImageReference.parse(secured.hostPort() + "/cfg/app");

            assertThat(new TagPusher(client).push(repository.withTag("sha-2"), repository, List.of("ok")).tags()).hasSize(1);
        }
    }
}
