package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.testing.FaultInjectingProxy;
import io.jenkins.plugins.gocontainer.testing.FaultInjectingProxy.Fault;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import io.jenkins.plugins.gocontainer.testing.TokenAuthRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries against a fault-injecting proxy in front of the real registry, and the Bearer token flow. */
@ExtendWith(RealEnvironment.Extension.class)
class RegistryResilienceIT {

    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(3));

    private static RegistryClient client(RetryPolicy retry) {
        return new RegistryClient(new RegistryHttp(registry -> Optional.empty(), retry, Set.of()));
    }

    @FaultSuite
    @Test
    void serverErrorsRateLimitsAndDroppedConnectionsAreRetried(RealEnvironment env) throws Exception {
        SyntheticImage.Pushed image = SyntheticImage.push(env.registry().hostPort(), "flaky/app", "sha-1", 1, 1000, null, 20);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(env.registry())) {
            proxy.failNext(2, "GET", "/manifests/", Fault.status(500))
                .failNext(1, "PUT", "/manifests/", Fault.tooManyRequests(1))
                .failNext(1, "HEAD", "/manifests/", Fault.dropConnection());
            ImageReference repository = ImageReference.parse(proxy.hostPort() + "/flaky/app");
            long started = System.nanoTime();

            RetagResult result = new TagPusher(client(QUICK)).push(repository.withTag("sha-1"), repository, List.of("1.0.0", "1.0"));

            assertThat(result.digest()).isEqualTo(image.digest());
            assertThat(proxy.faultsInjected()).isEqualTo(4);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            for (String tag : List.of("1.0.0", "1.0")) {
                assertThat(RegistryProbe.manifest(env.registry(), "flaky/app", tag).computedDigest()).isEqualTo(image.digest());
            }
        }
    }

    @FaultSuite
    @Test
    void aTagThatKeepsFailingStopsWithTheExactPartialSetAndTheSamePushResumesIt(RealEnvironment env) throws Exception {
        SyntheticImage.Pushed image = SyntheticImage.push(env.registry().hostPort(), "partial/app", "sha-2", 1, 1000, null, 21);
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(env.registry())) {
            proxy.failAlways("PUT", "/manifests/broken", Fault.status(503));
            ImageReference repository = ImageReference.parse(proxy.hostPort() + "/partial/app");

            PushTagsIncompleteException error = catchThrowableOfType(PushTagsIncompleteException.class,
                () -> new TagPusher(client(QUICK)).push(repository.withTag("sha-2"), repository, List.of("1.0.0", "broken", "latest")));

            assertThat(error.tagged()).containsExactlyInAnyOrder("1.0.0", "latest");
            assertThat(error.notTagged()).containsExactly("broken");
            assertThat(error.getMessage()).contains("NOT tagged broken").contains(image.digest()).contains("run the same push-tags again");
            assertThat(RegistryProbe.manifest(env.registry(), "partial/app", "broken").status()).isEqualTo(404);
            assertThat(proxy.exchanges().stream().filter(e -> e.method().equals("PUT") && e.target().contains("/manifests/broken")).count())
                .as("bounded retries").isEqualTo(QUICK.maxAttempts());
        }

        // The fault is gone: the same push, as the message says, places what was missing and keeps the rest.
        ImageReference direct = ImageReference.parse(env.registry().hostPort() + "/partial/app");
        RetagResult resumed = new TagPusher(client(QUICK)).push(direct.withTag("sha-2"), direct, List.of("1.0.0", "broken", "latest"));

        assertThat(resumed.digest()).isEqualTo(image.digest());
        for (String tag : List.of("1.0.0", "broken", "latest")) {
            assertThat(RegistryProbe.manifest(env.registry(), "partial/app", tag).computedDigest()).isEqualTo(image.digest());
        }
    }

    @Test
    void bearerTokenFlowWithScopesAndARefusedReadOnlyUser(RealEnvironment env) throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(TokenAuthRegistry.User.readWrite("ci", "ci-password-4"),
            TokenAuthRegistry.User.readOnly("viewer", "viewer-password-5"))) {
            String token = registry.issueToken("ci", java.time.Instant.now().plusSeconds(300), List.of("repository:bearer/app:pull,push"));
            SyntheticImage.Pushed image = SyntheticImage.push(registry.hostPort(), "bearer/app", "sha-3", 1, 1000, "Bearer " + token, 22);
            ImageReference repository = ImageReference.parse(registry.hostPort() + "/bearer/app");
            registry.clearTokenRequests();
            RegistryClient ci = new RegistryClient(new RegistryHttp(r -> Optional.of(new RegistryCredentials("ci", "ci-password-4")), QUICK, Set.of()));

            RetagResult result = new TagPusher(ci).push(repository.withTag("sha-3"), repository, List.of("1.0.0"));

            assertThat(result.digest()).isEqualTo(image.digest());
            assertThat(registry.tokenRequests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.user()).contains("ci");
                assertThat(request.service()).contains(registry.service());
            });
            assertThat(registry.tokenRequests()).anySatisfy(request -> assertThat(request.scopes()).contains("repository:bearer/app:pull,push"));

            RegistryClient viewer = new RegistryClient(new RegistryHttp(r -> Optional.of(new RegistryCredentials("viewer", "viewer-password-5")), QUICK, Set.of()));
            RegistryException denied = catchThrowableOfType(RegistryException.class,
                () -> new TagPusher(viewer).push(repository.withTag("sha-3"), repository, List.of("1.0.1")));
            assertThat(denied.getMessage()).contains("as user 'viewer'").doesNotContain("viewer-password-5");

            RegistryClient wrong = new RegistryClient(new RegistryHttp(r -> Optional.of(new RegistryCredentials("ci", "not-the-password")), QUICK, Set.of()));
            RegistryException refused = catchThrowableOfType(RegistryException.class,
                () -> new TagPusher(wrong).push(repository.withTag("sha-3"), repository, List.of("1.0.2")));
            assertThat(refused.getMessage()).contains("token service").contains("refused").doesNotContain("not-the-password");
        }
    }
}
