package io.jenkins.plugins.gocontainer.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) configured with
 * {@code auth: token}, plus the in-process token endpoint it sends clients to: the Docker registry
 * token protocol ({@code GET realm?service=S&scope=repository:NAME:pull,push}, scope repeatable,
 * Basic credentials), answering with ES256 JWTs that the registry verifies against the
 * {@code rootcertbundle} it was configured with. The signing key and its self-signed certificate are
 * made with openssl for each fixture.
 *
 * <p>Users get the actions they are allowed for any repository: a request for
 * {@code repository:x:pull,push} by a read-only user gets a token for {@code pull} only, and the
 * registry then denies the push with {@code insufficient_scope}. Requests without credentials get a
 * token with no access (as real token servers do); wrong credentials get 401 from the endpoint.
 * Every request to the endpoint is recorded ({@link #tokenRequests()}).
 */
public final class TokenAuthRegistry implements AutoCloseable {

    /** The {@code service} the registry names in its challenges and expects as the token audience. */
    public static final String SERVICE = "gocb-test-registry";
    /** The {@code iss} the registry trusts. */
    public static final String ISSUER = "gocb-test-token-issuer";
    /** Lifetime of the tokens the endpoint issues ({@code expires_in}). */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(300);

    private static final String TOKEN_PATH = "/token";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final JsonFactory JSON = new JsonFactory();

    /** A user of the token endpoint; {@code actions} apply to every repository, {@code "*"} allows all. */
    public record User(String name, String password, Set<String> actions) {
        public User {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            actions = Set.copyOf(actions);
            if (name.isEmpty() || name.contains(":")) {
                throw new IllegalArgumentException("user names must be non-empty and free of ':': " + name);
            }
        }

        public static User readWrite(String name, String password) {
            return new User(name, password, Set.of("pull", "push"));
        }

        public static User readOnly(String name, String password) {
            return new User(name, password, Set.of("pull"));
        }

        /** pull, push, delete and anything else ({@code "*"}), also on {@code registry:catalog:*}. */
        public static User admin(String name, String password) {
            return new User(name, password, Set.of("*"));
        }

        boolean allows(String action) {
            return actions.contains("*") || actions.contains(action);
        }
    }

    /**
     * One request the token endpoint received.
     *
     * @param user     the Basic user name sent (also when the password was wrong); empty when anonymous
     * @param service  the {@code service} query parameter, if any
     * @param scopes   the requested scopes, in order ({@code scope} parameters, space-separated ones split)
     * @param status   the HTTP status the endpoint answered (200, 400 unknown service, 401 bad credentials)
     * @param granted  the access put into the token, one {@code type:name:actions} per requested scope,
     *                 actions comma-separated and possibly empty (e.g. {@code repository:a/b:})
     */
    public record TokenRequest(Optional<String> user, Optional<String> service, List<String> scopes, int status, List<String> granted) {
        public boolean anonymous() {
            return user.isEmpty();
        }
    }

    /** One {@code access} entry of a token. */
    private record Access(String type, String name, List<String> actions) {
        String scope() {
            return type + ":" + name + ":" + String.join(",", actions);
        }
    }

    private final Path directory;
    private final HttpServer tokenServer;
    private final Map<String, User> users;
    private final PrivateKey signingKey;
    private final X509Certificate certificate;
    private final List<TokenRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Process process;
    private volatile int port;

    private TokenAuthRegistry(Path directory, HttpServer tokenServer, Map<String, User> users, PrivateKey signingKey, X509Certificate certificate) {
        this.directory = directory;
        this.tokenServer = tokenServer;
        this.users = users;
        this.signingKey = signingKey;
        this.certificate = certificate;
    }

    public static TokenAuthRegistry start(User... users) throws IOException, InterruptedException {
        return start(List.of(users));
    }

    public static TokenAuthRegistry start(List<User> users) throws IOException, InterruptedException {
        RequiredTools.require("docker-registry", "openssl");
        Map<String, User> byName = users.stream().collect(Collectors.toMap(User::name, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("duplicate user " + a.name());
        }, LinkedHashMap::new));
        Path directory = Files.createTempDirectory("gocb-token-registry-");
        HttpServer server = null;
        try {
            Path key = directory.resolve("signing-key.pem");
            Path cert = directory.resolve("signing-cert.pem");
            makeSigningCertificate(directory, key, cert);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            TokenAuthRegistry registry = new TokenAuthRegistry(directory, server, Map.copyOf(byName), readPrivateKey(key), readCertificate(cert));
            server.createContext(TOKEN_PATH, registry::handleToken);
            server.start();
            registry.startRegistry(cert);
            return registry;
        } catch (IOException | RuntimeException | Error | InterruptedException e) {
            if (server != null) {
                server.stop(0);
            }
            TempDirectories.delete(directory);
            throw e;
        }
    }

    /** host:port of the registry, the registry part of image references. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://host:port} of the registry. */
    public String url() {
        return "http://" + hostPort();
    }

    public int port() {
        return port;
    }

    /** The token endpoint, exactly as the registry announces it in {@code WWW-Authenticate: Bearer realm=...}. */
    public String realm() {
        return "http://127.0.0.1:" + tokenServer.getAddress().getPort() + TOKEN_PATH;
    }

    public String service() {
        return SERVICE;
    }

    public String issuer() {
        return ISSUER;
    }

    /** The requests the token endpoint received so far, oldest first. */
    public List<TokenRequest> tokenRequests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearTokenRequests() {
        requests.clear();
    }

    /** The PEM certificate the registry trusts for token signatures (its {@code rootcertbundle}). */
    public Path rootCertificate() {
        return directory.resolve("signing-cert.pem");
    }

    public Path logFile() {
        return directory.resolve("registry.log");
    }

    /**
     * A token signed like the endpoint's, bypassing users and the endpoint (not recorded), e.g. for
     * an already expired token. The registry allows 60 s of clock skew on {@code exp} and {@code nbf}.
     *
     * @param scopes access granted as is, {@code type:name:action,action}
     */
    public String issueToken(String subject, Instant expiresAt, List<String> scopes) {
        List<Access> access = new ArrayList<>();
        for (String scope : scopes) {
            access.add(parseScope(scope).orElseThrow(() -> new IllegalArgumentException("not a scope: " + scope)));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return sign(subject, access, now, expiresAt);
    }

    private void startRegistry(Path rootCert) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int candidate = FreePort.pick();
            Path config = directory.resolve("config.yml");
            Files.writeString(config, config(directory.resolve("storage"), candidate, realm(), rootCert));
            Process started = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(logFile().toFile())
                .start();
            this.process = started;
            this.port = candidate;
            try {
                awaitReady();
                return;
            } catch (IOException e) {
                last = e;
                stopProcess();
            }
        }
        throw last;
    }

    private static String config(Path storage, int port, String realm, Path rootCert) {
        return """
            version: 0.1
            log:
              level: info
            storage:
              filesystem:
                rootdirectory: "%s"
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:%d
              secret: "gocb-token-registry-%s"
            auth:
              token:
                realm: "%s"
                service: "%s"
                issuer: "%s"
                rootcertbundle: "%s"
            """.formatted(storage, port, UUID.randomUUID(), realm, SERVICE, ISSUER, rootCert);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(logFile()));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/v2/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                if (response.statusCode() == 401 && challenge.startsWith("Bearer ")) {
                    return;
                }
                throw new IOException("registry on port " + port + " is not using token auth: " + response.statusCode() + " " + challenge
                    + "\n" + Files.readString(logFile()));
            } catch (java.net.ConnectException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("docker-registry did not answer on port " + port + " within " + START_TIMEOUT.toSeconds() + " s: "
            + Files.readString(logFile()));
    }

    private static void makeSigningCertificate(Path directory, Path key, Path cert) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509",
            "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key.toString(), "-out", cert.toString(),
            "-days", "2", "-subj", "/CN=gocb test token signer")
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
        openssl.getOutputStream().close();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(30, TimeUnit.SECONDS)) {
            openssl.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IOException("openssl did not finish within 30 s: " + output);
        }
        if (openssl.exitValue() != 0 || !Files.isRegularFile(key) || !Files.isRegularFile(cert)) {
            throw new IOException("openssl could not make the token signing certificate (exit " + openssl.exitValue() + "): " + output);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws IOException {
        String text = Files.readString(pem);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException("expected a PKCS#8 private key from openssl in " + pem);
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the token signing key " + pem, e);
        }
    }

    private static X509Certificate readCertificate(Path pem) throws IOException {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the token signing certificate " + pem, e);
        }
    }

    // ---- the token endpoint ----

    private void handleToken(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("Allow", "GET"), errorBody("UNSUPPORTED", "the token endpoint answers GET"));
                return;
            }
            Map<String, List<String>> query = parseQuery(exchange.getRequestURI().getRawQuery());
            Optional<String> service = query.getOrDefault("service", List.of()).stream().findFirst();
            List<String> scopes = query.getOrDefault("scope", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(" ")))
                .filter(value -> !value.isBlank())
                .toList();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Optional<String> claimed = Optional.empty();
            Optional<User> user = Optional.empty();
            if (authorization != null) {
                Optional<String[]> basic = basicCredentials(authorization);
                claimed = basic.map(credentials -> credentials[0]);
                user = basic.flatMap(credentials -> Optional.ofNullable(users.get(credentials[0]))
                    .filter(known -> known.password().equals(credentials[1])));
                if (user.isEmpty()) {
                    requests.add(new TokenRequest(claimed, service, scopes, 401, List.of()));
                    respond(exchange, 401, Map.of("WWW-Authenticate", "Basic realm=\"gocb-test-token\""),
                        errorBody("UNAUTHORIZED", "incorrect username or password"));
                    return;
                }
            }
            if (service.isPresent() && !service.get().equals(SERVICE)) {
                requests.add(new TokenRequest(claimed, service, scopes, 400, List.of()));
                respond(exchange, 400, Map.of(), errorBody("UNSUPPORTED", "unknown service " + service.get()));
                return;
            }
            List<Access> granted = grant(user, scopes);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String token = sign(user.map(User::name).orElse(""), granted, now, now.plus(TOKEN_LIFETIME));
            byte[] body = json(generator -> {
                generator.writeStringField("token", token);
                generator.writeStringField("access_token", token);
                generator.writeNumberField("expires_in", TOKEN_LIFETIME.toSeconds());
                generator.writeStringField("issued_at", now.toString());
            });
            requests.add(new TokenRequest(claimed, service, scopes, 200, granted.stream().map(Access::scope).toList()));
            respond(exchange, 200, Map.of(), body);
        } catch (RuntimeException e) {
            respond(exchange, 500, Map.of(), errorBody("UNKNOWN", String.valueOf(e)));
        } finally {
            exchange.close();
        }
    }

    private static Optional<String[]> basicCredentials(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    private static List<Access> grant(Optional<User> user, List<String> scopes) {
        List<Access> granted = new ArrayList<>();
        for (String scope : scopes) {
            parseScope(scope).ifPresent(requested -> granted.add(new Access(requested.type(), requested.name(),
                user.map(allowed -> requested.actions().stream().filter(allowed::allows).toList()).orElse(List.of()))));
        }
        return granted;
    }

    /** {@code type:name:actions}; the name may itself contain ':' (e.g. a registry host with a port). */
    private static Optional<Access> parseScope(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first <= 0 || last == first) {
            return Optional.empty();
        }
        String type = scope.substring(0, first);
        int paren = type.indexOf('(');
        if (paren > 0) {
            type = type.substring(0, paren); // resource class, e.g. repository(plugin)
        }
        List<String> actions = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(scope.substring(last + 1).split(","))
            .filter(action -> !action.isEmpty()).toList()));
        return Optional.of(new Access(type, scope.substring(first + 1, last), List.copyOf(actions)));
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    // ---- JWT ----

    /**
     * A compact JWS, ES256 over the P-256 key whose self-signed certificate is the registry's
     * rootcertbundle: header {@code {"typ":"JWT","alg":"ES256","x5c":[base64 DER]}}, claims
     * {@code iss, sub, aud (a string: distribution 2.8 unmarshals it into a string), exp, nbf, iat, jti, access}.
     * The signature is raw R||S (IEEE P1363), as JWS requires, not DER.
     */
    private String sign(String subject, List<Access> access, Instant issuedAt, Instant expiresAt) {
        try {
            String x5c = Base64.getEncoder().encodeToString(certificate.getEncoded());
            byte[] header = json(generator -> {
                generator.writeStringField("typ", "JWT");
                generator.writeStringField("alg", "ES256");
                generator.writeArrayFieldStart("x5c");
                generator.writeString(x5c);
                generator.writeEndArray();
            });
            byte[] claims = json(generator -> {
                generator.writeStringField("iss", ISSUER);
                generator.writeStringField("sub", subject);
                generator.writeStringField("aud", SERVICE);
                generator.writeNumberField("exp", expiresAt.getEpochSecond());
                generator.writeNumberField("nbf", issuedAt.getEpochSecond());
                generator.writeNumberField("iat", issuedAt.getEpochSecond());
                generator.writeStringField("jti", UUID.randomUUID().toString());
                generator.writeArrayFieldStart("access");
                for (Access entry : access) {
                    generator.writeStartObject();
                    generator.writeStringField("type", entry.type());
                    generator.writeStringField("name", entry.name());
                    generator.writeArrayFieldStart("actions");
                    for (String action : entry.actions()) {
                        generator.writeString(action);
                    }
                    generator.writeEndArray();
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            });
            String signingInput = base64Url(header) + "." + base64Url(claims);
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private interface JsonBody {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(JsonBody fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] errorBody(String code, String message) {
        return json(generator -> {
            generator.writeStringField("details", message);
            generator.writeArrayFieldStart("errors");
            generator.writeStartObject();
            generator.writeStringField("code", code);
            generator.writeStringField("message", message);
            generator.writeEndObject();
            generator.writeEndArray();
        });
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    // ---- lifecycle ----

    private void stopProcess() throws InterruptedException {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        if (!running.waitFor(10, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopProcess();
        } finally {
            tokenServer.stop(0);
            TempDirectories.delete(directory);
        }
    }
}
