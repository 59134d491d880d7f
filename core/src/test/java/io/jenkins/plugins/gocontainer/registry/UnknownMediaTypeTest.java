package io.jenkins.plugins.gocontainer.registry;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A registry answering with a schema-1 manifest: no real registry at hand produces one on demand
 * (distribution 2.8 refuses schema 1 pushes), so a tiny in-process server injects the fault.
 */
class UnknownMediaTypeTest {

    @Test
    void aManifestThatIsNeitherOciNorDockerV2IsRefusedClearly() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"schemaVersion\":1,\"name\":\"old/app\"}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/v2/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String registry = "127.0.0.1:" + server.getAddress().getPort();
            ImageReference repository = ImageReference.parse(registry + "/old/app");
            RegistryClient client = new RegistryClient(new RegistryHttp(r -> Optional.empty(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Set.of()));

            RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> new TagPusher(client).push(repository.withTag("1.0"), repository, List.of("1.0.1")));

            assertThat(error.getMessage()).contains("application/vnd.docker.distribution.manifest.v1+prettyjws")
                .contains("neither OCI nor Docker v2").contains("push the image again");
        } finally {
            server.stop(0);
        }
    }
}
