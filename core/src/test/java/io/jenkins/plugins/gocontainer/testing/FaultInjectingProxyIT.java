package io.jenkins.plugins.gocontainer.testing;

import io.jenkins.plugins.gocontainer.testing.FaultInjectingProxy.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The fault-injecting proxy in front of the real registry, driven by hand with java.net.http. */
class FaultInjectingProxyIT {

    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private LocalRegistry registry;
    private FaultInjectingProxy proxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        registry = LocalRegistry.start();
        proxy = FaultInjectingProxy.start(registry);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
        }
    }

    @Test
    void forwardsPlainRequestsOnAKeptAliveConnection() throws Exception {
        assertThat(proxy.hostPort()).startsWith("127.0.0.1:").isNotEqualTo(registry.hostPort());
        assertThat(proxy.target()).isEqualTo(registry.hostPort());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> base = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());
            assertThat(base.statusCode()).isEqualTo(200);
            assertThat(base.headers().firstValue("Docker-Distribution-Api-Version")).contains("registry/2.0");
            assertThat(base.body()).isEqualTo("{}");
        }
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/nothing/here/manifests/latest")).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("MANIFEST_UNKNOWN");

        assertThat(proxy.requestsSeen()).isEqualTo(4);
        assertThat(proxy.requestsForwarded()).isEqualTo(4);
        assertThat(proxy.connectionsAccepted()).as("one client connection, kept alive").isEqualTo(1);
        assertThat(proxy.faultsInjected()).isZero();
        assertThat(proxy.exchanges()).extracting(FaultInjectingProxy.Exchange::status).containsExactly(200, 200, 200, 404);
    }

    @Test
    void blobUploadGoesThroughTheProxyWithLocationRewritten() throws Exception {
        String repository = "proxy/app";
        byte[] blob = new byte[300_000];
        new Random(7).nextBytes(blob);
        String digest = RegistryProbe.sha256(blob);

        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(proxy.url() + "/v2/" + repository + "/blobs/uploads/");

        // A chunked PATCH (unknown length, Expect: 100-continue), then the closing PUT with the digest,
        // both through the rewritten URL.
        HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(location))
            .header("Content-Type", "application/octet-stream").expectContinue(true)
            .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(blob))));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(202);
        assertThat(patched.headers().firstValue("Range")).contains("0-" + (blob.length - 1));
        String next = patched.headers().firstValue("Location").orElseThrow();
        assertThat(next).startsWith(proxy.url());
        URI put = URI.create(next + (URI.create(next).getRawQuery() == null ? "?" : "&") + "digest=" + digest);
        HttpResponse<String> done = send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(value -> assertThat(value).startsWith(proxy.url()));

        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/blobs/" + digest))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(blob.length);
        HttpResponse<byte[]> viaProxy = http.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/blobs/" + digest))
            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viaProxy.body()).isEqualTo(blob);
        HttpResponse<byte[]> direct = http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/blobs/" + digest))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(direct.body()).isEqualTo(blob);

        assertThat(proxy.exchanges()).extracting(FaultInjectingProxy.Exchange::method)
            .as("every step went through the proxy").containsExactly("POST", "PATCH", "PUT", "HEAD", "GET");
    }

    @Test
    void statusFaultThenSuccess() throws Exception {
        proxy.failNext(1, Fault.status(500));

        HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(failed.body()).contains("\"errors\"").contains("UNKNOWN");
        HttpResponse<String> recovered = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());
        assertThat(recovered.statusCode()).isEqualTo(200);

        assertThat(proxy.requestsSeen()).isEqualTo(2);
        assertThat(proxy.faultsInjected()).isEqualTo(1);
        assertThat(proxy.requestsForwarded()).isEqualTo(1);
        assertThat(proxy.connectionsAccepted()).as("a status fault keeps the connection").isEqualTo(1);
        assertThat(proxy.exchanges()).extracting(FaultInjectingProxy.Exchange::fault, FaultInjectingProxy.Exchange::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of("status 500"), 500), org.assertj.core.groups.Tuple.tuple(Optional.empty(), 200));
    }

    @Test
    void faultsMatchMethodAndPath() throws Exception {
        String repository = "proxy/matching";
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8);
        proxy.failNext(2, "PUT", "/manifests/", Fault.status(500));

        String configDigest = uploadBlob(repository, config); // POST + PUT on /blobs/: not matched
        HttpResponse<String> notYet = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/manifests/v1")).GET());
        assertThat(notYet.statusCode()).as("GET on /manifests/ is not matched").isEqualTo(404);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
            + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},\"layers\":[]}")
            .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder putManifest = HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/manifests/v1"))
            .header("Content-Type", OCI_MANIFEST).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest));

        assertThat(send(putManifest).statusCode()).isEqualTo(500);
        assertThat(send(putManifest).statusCode()).isEqualTo(500);
        HttpResponse<String> stored = send(putManifest);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(RegistryProbe.manifest(registry, repository, "v1").computedDigest()).isEqualTo(RegistryProbe.sha256(manifest));

        assertThat(proxy.faultsInjected()).isEqualTo(2);
        assertThat(proxy.requestsSeen()).isEqualTo(6);
        assertThat(proxy.exchanges()).filteredOn(exchange -> exchange.fault().isPresent())
            .extracting(FaultInjectingProxy.Exchange::method, FaultInjectingProxy.Exchange::target)
            .containsOnly(org.assertj.core.groups.Tuple.tuple("PUT", "/v2/" + repository + "/manifests/v1"));
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() throws Exception {
        proxy.failNext(1, Fault.tooManyRequests(7));

        HttpResponse<String> limited = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(limited.body()).contains("TOOMANYREQUESTS");
        assertThat(send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET()).statusCode()).isEqualTo(200);
        assertThat(proxy.faultsInjected()).isEqualTo(1);
    }

    @Test
    void droppedConnectionSurfacesAsIOException() throws Exception {
        proxy.failNext(1, "POST", "/blobs/uploads/", Fault.dropConnection());
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/proxy/dropped/blobs/uploads/"))
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();

        Throwable thrown = catchThrowable(() -> fresh.send(post, HttpResponse.BodyHandlers.ofString()));

        assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(proxy.faultsInjected()).isEqualTo(1);
        assertThat(proxy.requestsForwarded()).isZero();
        assertThat(proxy.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.fault()).contains("drop connection");
            assertThat(exchange.status()).isEqualTo(-1);
        });
        assertThat(fresh.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(proxy.requestsForwarded()).isEqualTo(1);
    }

    @Test
    void droppedGetsAreRetriedOnceByJavaNetHttp() throws Exception {
        // java.net.http resends a GET/HEAD once when the connection closes before any response byte,
        // so one dropped GET is invisible to it and two surface as an IOException.
        proxy.failNext(2, "GET", null, Fault.dropConnection());
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).timeout(Duration.ofSeconds(10)).build();

        Throwable thrown = catchThrowable(() -> fresh.send(get, HttpResponse.BodyHandlers.ofString()));

        assertThat(thrown).isInstanceOf(IOException.class).isNotInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(proxy.faultsInjected()).isEqualTo(2);
        assertThat(proxy.exchanges()).extracting(FaultInjectingProxy.Exchange::status).containsExactly(-1, -1);

        proxy.failNext(1, Fault.dropConnection());
        assertThat(fresh.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).as("dropped once, resent by the JDK").isEqualTo(200);
        assertThat(proxy.faultsInjected()).isEqualTo(3);
        assertThat(proxy.requestsSeen()).isEqualTo(4);
    }

    @Test
    void failAlwaysUntilCleared() throws Exception {
        proxy.failAlways(Fault.serviceUnavailable(1));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> unavailable = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).contains("1");
        }
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(503);
        assertThat(head.body()).isEmpty();

        proxy.clearFaults();

        assertThat(send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET()).statusCode()).isEqualTo(200);
        assertThat(proxy.faultsInjected()).isEqualTo(5);
        assertThat(proxy.requestsSeen()).isEqualTo(6);
        assertThat(proxy.requestsForwarded()).isEqualTo(1);
    }

    @Test
    void delayHoldsTheRequestBackThenForwards() throws Exception {
        proxy.failNext(1, "GET", "/v2/", Fault.delay(Duration.ofMillis(1500)));

        Throwable timedOut = catchThrowable(() -> http.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/"))
            .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(timedOut).isInstanceOf(java.net.http.HttpTimeoutException.class);

        proxy.failNext(1, Fault.delay(Duration.ofMillis(500)));
        long started = System.nanoTime();
        HttpResponse<String> slow = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/")).GET());
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(proxy.faultsInjected()).isEqualTo(2);
    }

    @Test
    void unreachableTargetIsABadGateway() throws Exception {
        try (FaultInjectingProxy nowhere = FaultInjectingProxy.start("127.0.0.1:" + FreePort.pick())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(nowhere.url() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(nowhere.exchanges()).extracting(FaultInjectingProxy.Exchange::status).containsExactly(502);
        }
    }

    private String uploadBlob(String repository, byte[] blob) throws Exception {
        String digest = RegistryProbe.sha256(blob);
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(proxy.url() + "/v2/" + repository + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).isEqualTo(202);
        URI upload = URI.create(started.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest))
            .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        return digest;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
