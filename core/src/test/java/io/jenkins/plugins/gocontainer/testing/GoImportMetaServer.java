package io.jenkins.plugins.gocontainer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web server of the private module host {@value PrivateModuleRepository#HOST}, as a
 * self-hosted GitLab runs it: HTTPS on port 443, answering the go command's
 * {@code GET https://HOST/team/secretlib?go-get=1} with
 *
 * <pre>{@code <meta name="go-import" content="git.internal.test/team/secretlib git https://git.internal.test/team/secretlib">}</pre>
 *
 * <p>so that the go command then runs {@code git ls-remote https://git.internal.test/team/secretlib},
 * which a git {@code insteadOf} sends to {@link GitSshServer} or {@link GitHttpServer}. Every
 * other request gets 404. Requests are recorded ({@link #requests()}).
 *
 * <p>It listens on {@code 127.X.Y.Z:443}, a random loopback address of its own (never
 * 127.0.0.1), so that binding port 443 collides with nothing; that needs root. The certificate
 * is for the DNS name {@value PrivateModuleRepository#HOST}, signed by a throwaway CA made with
 * openssl ({@link #caCertificate()}). A client needs the name to resolve to {@link #address()}
 * and the CA to be trusted: {@link HermeticGo#use(GoImportMetaServer)} does both for the go
 * command, without touching the real {@code /etc/hosts}.
 *
 * <p>{@link #close()} stops the server and deletes its directory (keys and certificates).
 */
public final class GoImportMetaServer implements AutoCloseable {

    /** One request; {@code query} is the raw query, empty when there is none. */
    public record Request(String method, String path, String query, int status) {
    }

    public static final int PORT = 443;
    /** The repository the module lives in, as the meta tag names it. */
    public static final String MODULE_PREFIX = "/team/secretlib";
    public static final String REPOSITORY_URL = "https://" + PrivateModuleRepository.HOST + MODULE_PREFIX;

    private static final int ADDRESS_ATTEMPTS = 20;
    private static final String KEYSTORE_PASSWORD = "gocb-fixture";

    private final Path directory;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private GoImportMetaServer(Path directory, HttpsServer server, ExecutorService executor) {
        this.directory = directory;
        this.server = server;
        this.executor = executor;
    }

    public static GoImportMetaServer start() throws IOException, InterruptedException {
        RequiredTools.require("openssl");
        Path directory = Files.createTempDirectory("gocb-go-import-");
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gocb-go-import-meta");
            thread.setDaemon(true);
            return thread;
        });
        try {
            makeCertificates(directory);
            SSLContext tls = serverContext(directory.resolve("server.p12"));
            HttpsServer server = bind();
            GoImportMetaServer meta = new GoImportMetaServer(directory, server, executor);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", meta::handle);
            server.setExecutor(executor);
            server.start();
            return meta;
        } catch (IOException | RuntimeException | Error | InterruptedException e) {
            executor.shutdownNow();
            TempDirectories.delete(directory);
            throw e;
        }
    }

    /** Port 443 on a random 127.X.Y.Z (X, Y, Z in 1..254); another address when that one is taken. */
    private static HttpsServer bind() throws IOException {
        SecureRandom random = new SecureRandom();
        IOException last = null;
        for (int attempt = 0; attempt < ADDRESS_ATTEMPTS; attempt++) {
            byte[] octets = {127, (byte) (1 + random.nextInt(254)), (byte) (1 + random.nextInt(254)), (byte) (1 + random.nextInt(254))};
            InetAddress address = InetAddress.getByAddress(octets);
            try {
                return HttpsServer.create(new InetSocketAddress(address, PORT), 16);
            } catch (BindException taken) {
                last = taken;
            }
        }
        throw new IOException("cannot bind port " + PORT + " on any of " + ADDRESS_ATTEMPTS
            + " loopback addresses (the go-import meta server must run as root)", last);
    }

    private static void makeCertificates(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.ext"),
            "subjectAltName=DNS:" + PrivateModuleRepository.HOST + "\nextendedKeyUsage=serverAuth\n");
        List<List<String>> steps = List.of(
            List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=gocb go-import test CA"),
            List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server-key.pem", "-out", "server.csr", "-subj", "/CN=" + PrivateModuleRepository.HOST),
            List.of("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "server.ext"),
            List.of("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server-key.pem", "-name", "server",
                "-out", "server.p12", "-passout", "pass:" + KEYSTORE_PASSWORD));
        for (List<String> step : steps) {
            FixtureCommand.run(dir, Map.of(), step).orThrow();
        }
    }

    private static SSLContext serverContext(Path pkcs12) throws IOException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, KEYSTORE_PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, KEYSTORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the fixture's server certificate", e);
        }
    }

    /** The loopback address it listens on, e.g. {@code 127.31.7.200}: what {@value PrivateModuleRepository#HOST} must resolve to. */
    public String address() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** {@code ADDRESS HOST}, a line for a hosts file. */
    public String hostsLine() {
        return address() + " " + PrivateModuleRepository.HOST;
    }

    /**
     * A go that resolves the private host to this server, as the agent's DNS would: a script in
     * {@code work} that runs go in a mount namespace of its own with a private /etc/hosts; the real
     * one is never touched.
     */
    public Path goResolvingThePrivateHost(Path work) throws IOException {
        Path hosts = Files.writeString(work.resolve("hosts"), Files.readString(Path.of("/etc/hosts")) + "\n" + hostsLine() + "\n");
        Path wrapper = work.resolve("go-with-hosts");
        Files.writeString(wrapper, "#!/bin/sh\nexec unshare --mount --propagation private sh -c 'mount --bind \"$0\" /etc/hosts && exec go \"$@\"' "
            + hosts + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return wrapper;
    }

    /** The PEM of the CA that signed the server certificate. */
    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    /** The requests so far, in the order they were answered. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String query = rawQuery == null ? "" : rawQuery;
        boolean goGet = method.equals("GET") && List.of(query.split("&")).contains("go-get=1");
        boolean module = path.equals(MODULE_PREFIX) || path.startsWith(MODULE_PREFIX + "/");
        int status = goGet && module ? 200 : 404;
        // Recorded before answering: a client that has its answer finds its request in requests().
        requests.add(new Request(method, path, query, status));
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (status == 200) {
                respond(exchange, status, """
                    <!DOCTYPE html>
                    <html><head>
                    <meta name="go-import" content="%s git %s">
                    </head><body>go get %s</body></html>
                    """.formatted(PrivateModuleRepository.MODULE_PATH, REPOSITORY_URL, PrivateModuleRepository.MODULE_PATH));
            } else {
                respond(exchange, status, "404 page not found\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(0);
            executor.shutdownNow();
        } finally {
            TempDirectories.delete(directory);
        }
    }
}
