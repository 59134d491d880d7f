package io.jenkins.plugins.gocontainer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;

/**
 * A real git host over plain HTTP on 127.0.0.1: git's own {@code git http-backend} (smart HTTP,
 * protocol v0 and v2, fetch and push) run as a CGI program behind a small Java server that
 * requires HTTP Basic authentication with one user and token. Anything else gets
 * {@code 401} with {@code WWW-Authenticate: Basic realm="git"}, which is what makes git read
 * {@code ~/.netrc} (or ask for credentials, which fails when prompts are disabled).
 *
 * <p>Repositories live under {@link #repositoryRoot()}; {@code team/secretlib.git} is
 * {@code baseUrl() + "team/secretlib"}. Every request is recorded ({@link #requests()}).
 */
public final class GitHttpServer implements AutoCloseable {

    /**
     * One request.
     *
     * @param path       without the query
     * @param user       the Basic user name sent, right or wrong; empty when the request carried no credentials
     * @param authorised whether the credentials were this server's user and token
     * @param status     the status answered
     */
    public record Request(String method, String path, String query, String user, boolean authorised, int status) {
    }

    private static final Set<String> HEADERS_NOT_PASSED = Set.of("authorization", "content-type", "content-length", "content-encoding");

    private final Path directory;
    private final String user;
    private final String token;
    private final Path git;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    private GitHttpServer(Path directory, String user, String token, Path git, HttpServer server, ExecutorService executor) {
        this.directory = directory;
        this.user = user;
        this.token = token;
        this.git = git;
        this.server = server;
        this.executor = executor;
    }

    public static GitHttpServer start(String user, String token) throws IOException {
        if (user.isEmpty() || user.contains(":") || token.isEmpty()) {
            throw new IllegalArgumentException("Basic credentials need a non-empty user without ':' and a non-empty token");
        }
        RequiredTools.require("git");
        Path directory = Files.createTempDirectory("gocb-git-http-");
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gocb-git-http");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Files.createDirectories(directory.resolve("repositories"));
            Files.createDirectories(directory.resolve("home"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            GitHttpServer git = new GitHttpServer(directory, user, token, RequiredTools.find("git"), server, executor);
            server.createContext("/", git::handle);
            server.setExecutor(executor);
            server.start();
            return git;
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            TempDirectories.delete(directory);
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}: append a repository path; also a git {@code insteadOf} base. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public Path repositoryRoot() {
        return directory.resolve("repositories");
    }

    public String user() {
        return user;
    }

    public String token() {
        return token;
    }

    /** A {@code .netrc} entry with this server's credentials; libcurl matches the host without the port. */
    public String netrcEntry() {
        return "machine 127.0.0.1\nlogin " + user + "\npassword " + token + "\n";
    }

    /** The requests so far, in the order they were answered. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** What git http-backend wrote to stderr (refused repositories, failed packs), and requests that failed here. */
    public String backendLog() throws IOException {
        Path log = directory.resolve("http-backend.log");
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String[] credentials = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean authorised = credentials[0].equals(user) && credentials[1].equals(token);
        // Recorded as soon as the status is known, before the client can have its answer: a test
        // that looks at requests() once git has exited must find every request git made.
        boolean[] recorded = {false};
        IntConsumer record = status -> {
            if (!recorded[0]) {
                recorded[0] = true;
                requests.add(new Request(method, path, query == null ? "" : query, credentials[0], authorised, status));
            }
        };
        try (exchange) {
            byte[] body = requestBody(exchange);
            if (!authorised) {
                record.accept(401);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                respond(exchange, 401, "authentication required\n");
                return;
            }
            runBackend(exchange, path, query, body, record);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            record.accept(500);
            logFailure(method, path, e);
            respondIfPossible(exchange, e);
        }
    }

    /** User and password of a Basic {@code Authorization} header; two empty strings when there is none. */
    private static String[] basicCredentials(String authorization) {
        String[] none = {"", ""};
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return none;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? none : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return none;
        }
    }

    /** The body as http-backend must see it: git compresses larger upload-pack requests with gzip. */
    private static byte[] requestBody(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        if (encoding != null && (encoding.equalsIgnoreCase("gzip") || encoding.equalsIgnoreCase("x-gzip"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }

    /** Runs http-backend and relays its answer; {@code record} gets the status before the answer is sent. */
    private void runBackend(HttpExchange exchange, String path, String query, byte[] body, IntConsumer record)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(git.toString(), "http-backend")
            .redirectError(ProcessBuilder.Redirect.appendTo(directory.resolve("http-backend.log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(cgiEnvironment(exchange, path, query, body.length));
        Process process = builder.start();
        running.add(process);
        try {
            executor.execute(() -> feed(process, body));
            InputStream out = new BufferedInputStream(process.getInputStream());
            CgiResponseHead head = CgiResponseHead.read(out);
            head.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
            record.accept(head.status());
            exchange.sendResponseHeaders(head.status(), 0);
            try (OutputStream response = exchange.getResponseBody()) {
                out.transferTo(response);
            }
            process.waitFor();
        } finally {
            running.remove(process);
            process.destroy();
        }
    }

    private Map<String, String> cgiEnvironment(HttpExchange exchange, String path, String query, int contentLength) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        // Neither the user's nor the system's git configuration may change what is served.
        environment.put("HOME", directory.resolve("home").toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_PROJECT_ROOT", repositoryRoot().toString());
        environment.put("GIT_HTTP_EXPORT_ALL", "1");
        environment.put("GATEWAY_INTERFACE", "CGI/1.1");
        environment.put("SERVER_PROTOCOL", exchange.getProtocol());
        environment.put("REQUEST_METHOD", exchange.getRequestMethod());
        environment.put("PATH_INFO", path);
        environment.put("QUERY_STRING", query == null ? "" : query);
        environment.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        environment.put("REMOTE_USER", user);
        environment.put("AUTH_TYPE", "Basic");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            environment.put("CONTENT_TYPE", contentType);
        }
        environment.put("CONTENT_LENGTH", Integer.toString(contentLength));
        // Git-Protocol: version=2 reaches http-backend as HTTP_GIT_PROTOCOL.
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HEADERS_NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
                environment.put("HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_'), String.join(", ", values));
            }
        });
        return environment;
    }

    /** Written from another thread: http-backend may answer before it has read everything. */
    private static void feed(Process process, byte[] body) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(body);
        } catch (IOException backendStoppedReading) {
            // its answer (or exit status) says why
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void logFailure(String method, String path, Exception e) {
        try {
            Files.writeString(directory.resolve("http-backend.log"), "gocb test git server: " + method + " " + path + ": " + e + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException closing) {
            // the directory is being deleted
        }
    }

    private static void respondIfPossible(HttpExchange exchange, Exception e) {
        try {
            respond(exchange, 500, "gocb test git server: " + e + "\n");
        } catch (IOException | RuntimeException headersAlreadySent) {
            // the client sees a truncated response
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server.stop(0);
            executor.shutdownNow();
            for (Process process : List.copyOf(running)) {
                ProcessTree.stop(process.toHandle());
            }
        } finally {
            TempDirectories.delete(directory);
        }
    }
}
