package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.net.ssl.SSLException;

/**
 * HTTP to OCI registries: picks HTTP for loopback and explicitly insecure registries and TLS
 * otherwise, answers Basic and Bearer challenges (token per registry and scope, cached), and retries
 * 429, 5xx and dropped connections as the {@link RetryPolicy} allows. Authorization headers and
 * tokens never appear in exceptions, and are never sent along a redirect.
 *
 * <p>Built on {@link HttpURLConnection}: its first request costs a few milliseconds where
 * {@code java.net.http.HttpClient} costs a few hundred, which a CLI pays on every invocation.
 */
public final class RegistryHttp {

    private static final int MAX_REDIRECTS = 5;

    /** A request body: nothing, bytes, or a file streamed with its length. */
    public record Body(byte[] bytes, Path file, long length) {

        public static Body none() {
            return new Body(null, null, 0);
        }

        public static Body of(byte[] bytes) {
            return new Body(bytes, null, bytes.length);
        }

        public static Body of(Path file) throws IOException {
            return new Body(null, file, Files.size(file));
        }

        boolean present() {
            return bytes != null || file != null;
        }
    }

    /** One request, repeatable for retries and re-authentication. {@code downloadTo}: write a 2xx body to this file. */
    public record Call(String method, String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers, Body body,
                       Path downloadTo) {

        public Call {
            scopes = List.copyOf(scopes);
            headers = Map.copyOf(headers);
        }

        public static Call of(String method, String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers, Body body) {
            return new Call(method, registry, pathAndQuery, scopes, headers, body, null);
        }

        public static Call get(String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers) {
            return of("GET", registry, pathAndQuery, scopes, headers, Body.none());
        }

        public static Call head(String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers) {
            return of("HEAD", registry, pathAndQuery, scopes, headers, Body.none());
        }

        public Call downloadingTo(Path file) {
            return new Call(method, registry, pathAndQuery, scopes, headers, body, file);
        }
    }

    /** A response; the body is empty for HEAD and for downloads written to a file. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return Optional.of(entry.getValue().get(0));
                }
            }
            return Optional.empty();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Function<String, Optional<RegistryCredentials>> credentials;
    private final RetryPolicy retry;
    private final Set<String> insecureRegistries;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public RegistryHttp(Function<String, Optional<RegistryCredentials>> credentials, RetryPolicy retry, Set<String> insecureRegistries) {
        this.credentials = credentials;
        this.retry = retry;
        this.insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /** Request bodies sent so far (blob and manifest uploads), for reports and benchmarks. */
    public long bytesSent() {
        return bytesSent.get();
    }

    public long requests() {
        return requests.get();
    }

    private URI uri(String registry, String pathAndQuery) {
        boolean plain = insecureRegistries.contains(registry) || ImageReference.parse(registry + "/x").isLoopbackRegistry();
        return URI.create((plain ? "http://" : "https://") + registry + pathAndQuery);
    }

    /**
     * One GET of {@code /v2/} without credentials or retries: any answer (an HTTP status, 401
     * included, or a TLS handshake this JVM does not trust) means the registry is there; no answer
     * at all is a {@link RegistryUnreachableException}.
     */
    public void requireReachable(String registry) {
        URI base = uri(registry, "/v2/");
        try {
            exchange(Call.get(registry, "/v2/", List.of(), Map.of()), base, null);
        } catch (SSLException answeredInTls) {
            // Something answered; the builder may trust a certificate (or speak plain HTTP) where this JVM does not.
        } catch (IOException e) {
            throw new RegistryUnreachableException(registry, base.toString(), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    public Response send(Call call) throws InterruptedException {
        String authKey = call.registry() + " " + String.join(" ", call.scopes());
        boolean reauthenticated = false;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = exchange(call, uri(call.registry(), call.pathAndQuery()), authorizations.get(authKey));
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new RegistryException(call.method() + " " + uri(call.registry(), call.pathAndQuery()) + " failed after " + attempt
                        + " attempts: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        "the registry is unreachable or keeps dropping connections",
                        "check that the registry at " + call.registry() + " is up and reachable from this machine", e);
                }
                Thread.sleep(retry.backoff(attempt).toMillis());
                continue;
            }
            int status = response.status();
            if (status == 401 && !reauthenticated) {
                reauthenticated = true;
                Optional<String> authorization = authorize(call, response.header("WWW-Authenticate").orElse(null));
                if (authorization.isPresent()) {
                    authorizations.put(authKey, authorization.get());
                    attempt--;
                    continue;
                }
                return response;
            }
            if ((status == 429 || status >= 500) && attempt < retry.maxAttempts()) {
                Thread.sleep(waitBefore(response, attempt).toMillis());
                continue;
            }
            if (status < 300) {
                bytesSent.addAndGet(call.body().length());
            }
            return response;
        }
    }

    /** One HTTP exchange, following redirects itself so that credentials never go to another host. */
    private Response exchange(Call call, URI uri, String authorization) throws IOException {
        URI target = uri;
        String auth = authorization;
        for (int redirects = 0; ; redirects++) {
            requests.incrementAndGet();
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            try {
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
                connection.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
                connection.setRequestMethod(call.method());
                connection.setRequestProperty("User-Agent", "gocb");
                call.headers().forEach(connection::setRequestProperty);
                if (!call.headers().containsKey("Accept")) {
                    connection.setRequestProperty("Accept", "*/*");
                }
                if (auth != null) {
                    connection.setRequestProperty("Authorization", auth);
                }
                if (call.body().present() || call.method().equals("PUT") || call.method().equals("POST")) {
                    connection.setDoOutput(true);
                    connection.setFixedLengthStreamingMode(call.body().length());
                    try (OutputStream out = connection.getOutputStream()) {
                        if (call.body().bytes() != null) {
                            out.write(call.body().bytes());
                        } else if (call.body().file() != null) {
                            Files.copy(call.body().file(), out);
                        }
                    }
                }
                int status = connection.getResponseCode();
                Map<String, List<String>> headers = new LinkedHashMap<>(connection.getHeaderFields());
                if (status >= 300 && status < 400 && status != 304 && connection.getHeaderField("Location") != null && redirects < MAX_REDIRECTS) {
                    drain(connection, status);
                    URI next = target.resolve(connection.getHeaderField("Location"));
                    if (!next.getHost().equals(target.getHost()) || next.getPort() != target.getPort()) {
                        auth = null; // blob storage behind a redirect is authorised by the URL itself
                    }
                    target = next;
                    continue;
                }
                if (call.downloadTo() != null && status < 300) {
                    try (InputStream in = connection.getInputStream()) {
                        Files.copy(in, call.downloadTo(), StandardCopyOption.REPLACE_EXISTING);
                    }
                    return new Response(status, headers, new byte[0]);
                }
                return new Response(status, headers, drain(connection, status));
            } finally {
                connection.disconnect();
            }
        }
    }

    /** Reads the whole body so that the connection can be reused. */
    private static byte[] drain(HttpURLConnection connection, int status) throws IOException {
        if (connection.getRequestMethod().equals("HEAD")) {
            return new byte[0];
        }
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    private Duration waitBefore(Response response, int attempt) {
        Optional<String> retryAfter = response.header("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().strip();
            try {
                return retry.capped(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                    return retry.capped(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException ignored) {
                    // fall back to our own backoff
                }
            }
        }
        return retry.backoff(attempt);
    }

    /** The Authorization header answering a challenge, when we can answer it. */
    private Optional<String> authorize(Call call, String header) throws InterruptedException {
        Optional<AuthChallenge> challenge = AuthChallenge.parse(header);
        Optional<RegistryCredentials> creds = credentials.apply(call.registry());
        if (challenge.isEmpty()) {
            return Optional.empty();
        }
        if (challenge.get().isBasic()) {
            return creds.map(RegistryCredentials::basicAuthorization);
        }
        if (!challenge.get().isBearer() || challenge.get().realm().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Bearer " + token(challenge.get(), call, creds));
    }

    private String token(AuthChallenge challenge, Call call, Optional<RegistryCredentials> creds) throws InterruptedException {
        StringBuilder query = new StringBuilder();
        challenge.service().ifPresent(service -> query.append("service=").append(encode(service)));
        List<String> scopes = call.scopes().isEmpty() ? challenge.scope().stream().toList() : call.scopes();
        for (String scope : scopes) {
            query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(scope));
        }
        String realm = challenge.realm().orElseThrow();
        URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
        Response response;
        try {
            response = exchange(Call.get(call.registry(), "", List.of(), Map.of("Accept", "application/json")), uri,
                creds.map(RegistryCredentials::basicAuthorization).orElse(null));
        } catch (IOException e) {
            throw new RegistryException("cannot get a token from " + realm + " for " + call.registry(), "the token service is unreachable",
                "check that " + realm + " is reachable from this machine", e);
        }
        if (response.status() == 401 || response.status() == 403) {
            throw unauthorized(call, creds, "the token service " + realm + " refused the credentials (HTTP " + response.status() + ")");
        }
        if (response.status() != 200) {
            throw new RegistryException("the token service " + realm + " answered HTTP " + response.status(),
                "it could not issue a token for " + String.join(" ", scopes), "check the registry's token service");
        }
        try {
            Map<String, Object> body = Json.parseObject(response.bodyText());
            Object token = body.get("token") instanceof String t && !t.isBlank() ? t : body.get("access_token");
            if (token instanceof String value && !value.isBlank()) {
                return value;
            }
        } catch (JsonSyntaxException ignored) {
            // reported below
        }
        throw new RegistryException("the token service " + realm + " answered without a token", "its answer has no 'token' or 'access_token'",
            "check the registry's token service");
    }

    /** The error for a registry that keeps refusing us. */
    public RegistryException unauthorized(Call call, Optional<RegistryCredentials> creds, String detail) {
        String who = creds.map(c -> "as user '" + c.username() + "'").orElse("anonymously (no credentials for " + call.registry() + ")");
        return new RegistryException("the registry " + call.registry() + " refused " + call.method() + " " + call.pathAndQuery() + " " + who,
            detail + "; the credentials are wrong, expired, or lack " + String.join(" ", call.scopes()),
            "log in so that the Docker config (DOCKER_CONFIG or ~/.docker/config.json) has valid credentials for "
                + call.registry() + " with pull and push rights, or pass --registry-user with --registry-password-env");
    }

    public Optional<RegistryCredentials> credentialsFor(String registry) {
        return credentials.apply(registry);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
