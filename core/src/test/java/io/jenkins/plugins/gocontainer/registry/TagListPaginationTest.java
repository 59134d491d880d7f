package io.jenkins.plugins.gocontainer.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tag-list pagination through {@code Link} headers. The registry of the integration tests
 * (distribution 2.8) never paginates tags, so a loopback server plays a registry that does, with
 * relative and absolute links as registries send them.
 */
class TagListPaginationTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private ImageReference serve(Page... pages) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            requests.add(uri);
            for (Page page : pages) {
                if (uri.equals(page.path())) {
                    page.link().ifPresent(link -> exchange.getResponseHeaders().add("Link", link.replace("HOST", "127.0.0.1:" + server.getAddress().getPort())));
                    respond(exchange, page.status(), page.body());
                    return;
                }
            }
            respond(exchange, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}");
        });
        server.start();
        return ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/team/app-cache");
    }

    private record Page(String path, int status, String body, Optional<String> link) {
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static RegistryClient client() {
        return new RegistryClient(new RegistryHttp(host -> Optional.empty(), new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50)), Set.of()));
    }

    @Test
    void followsRelativeAndAbsoluteNextLinksUntilTheLastPage() throws Exception {
        ImageReference repository = serve(
            new Page("/v2/team/app-cache/tags/list?n=2", 200, "{\"name\":\"team/app-cache\",\"tags\":[\"a\",\"b\"]}",
                Optional.of("</v2/team/app-cache/tags/list?last=b&n=2>; rel=\"next\"")),
            new Page("/v2/team/app-cache/tags/list?last=b&n=2", 200, "{\"name\":\"team/app-cache\",\"tags\":[\"c\",\"d\"]}",
                Optional.of("<http://HOST/v2/team/app-cache/tags/list?last=d&n=2>; rel=next")),
            new Page("/v2/team/app-cache/tags/list?last=d&n=2", 200, "{\"name\":\"team/app-cache\",\"tags\":[\"e\"]}", Optional.empty()));

        assertThat(client().listTags(repository, 2)).containsExactly("a", "b", "c", "d", "e");
        assertThat(requests).containsExactly("/v2/team/app-cache/tags/list?n=2", "/v2/team/app-cache/tags/list?last=b&n=2",
            "/v2/team/app-cache/tags/list?last=d&n=2");
    }

    @Test
    void aLinkBackToAPageAlreadySeenEndsTheListing() throws Exception {
        ImageReference repository = serve(
            new Page("/v2/team/app-cache/tags/list?n=2", 200, "{\"tags\":[\"a\"]}", Optional.of("</v2/team/app-cache/tags/list?n=2>; rel=\"next\"")));

        assertThat(client().listTags(repository, 2)).containsExactly("a");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aRepositoryWithoutTagsOrUnknownToTheRegistryHasNone() throws Exception {
        ImageReference repository = serve(new Page("/v2/team/app-cache/tags/list?n=2", 200, "{\"name\":\"team/app-cache\",\"tags\":null}", Optional.empty()));

        assertThat(client().listTags(repository, 2)).isEmpty();
        assertThat(client().listTags(ImageReference.parse(repository.registry() + "/other/repo"), 2)).isEmpty();
    }

    @Test
    void anAnswerWithoutATagListIsAClearError() throws Exception {
        ImageReference repository = serve(new Page("/v2/team/app-cache/tags/list?n=2", 200, "<html>login</html>", Optional.empty()));

        assertThatThrownBy(() -> client().listTags(repository, 2))
            .isInstanceOf(RegistryException.class)
            .hasMessageContaining("answered without a list of tags");
    }
}
