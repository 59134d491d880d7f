package io.jenkins.plugins.gocontainer.registry;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one request gocb sends before a build to each registry it will push to. */
class RegistryReachabilityTest {

    private final RegistryHttp http = new RegistryHttp(registry -> Optional.empty(), RetryPolicy.DEFAULT, Set.of());

    @Test
    void anyHttpAnswerEvenAChallengeMeansTheRegistryIsThereAfterOneRequest() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> paths = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:1/token\",service=\"registry\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            assertThatCode(() -> http.requireReachable("127.0.0.1:" + server.getAddress().getPort())).doesNotThrowAnyException();
            assertThat(paths).containsExactly("/v2/");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noAnswerIsAnUnavailableRegistryNamingItsAddress() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String registry = "127.0.0.1:" + closed;

        assertThatThrownBy(() -> http.requireReachable(registry))
            .isInstanceOfSatisfying(RegistryUnreachableException.class, e -> {
                assertThat(e.kind()).isEqualTo(GocbException.Kind.UNAVAILABLE);
                assertThat(e.problem()).startsWith("cannot reach the registry " + registry + " (http://" + registry + "/v2/): ConnectException");
                assertThat(e.remedy()).contains("curl -sS -o /dev/null -w '%{http_code}\\n' http://" + registry + "/v2/");
            });
    }
}
