package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * HTTP to OCI registries: picks HTTP for loopback and explicitly insecure registries and TLS
 * otherwise, answers Basic and Bearer challenges (token per registry and scope, cached), and retries
 * 429, 5xx and dropped connections as the {@link RetryPolicy} allows. Authorization headers and
 * tokens never appear in exceptions.
 */
public final class RegistryHttp {

    /** One request, rebuildable for retries and re-authentication. */
    public record Call(String method, String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers,
                       Supplier<HttpRequest.BodyPublisher> body, long bodyBytes) {

        public static Call get(String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers) {
            return new Call("GET", registry, pathAndQuery, scopes, headers, HttpRequest.BodyPublishers::noBody, 0);
        }

        public static Call head(String registry, String pathAndQuery, List<String> scopes, Map<String, String> headers) {
            return new Call("HEAD", registry, pathAndQuery, scopes, headers, HttpRequest.BodyPublishers::noBody, 0);
        }
    }

    private final HttpClient client;
    private final Function<String, Optional<RegistryCredentials>> credentials;
    private final RetryPolicy retry;
    private final Set<String> insecureRegistries;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public RegistryHttp(Function<String, Optional<RegistryCredentials>> credentials, RetryPolicy retry, Set<String> insecureRegistries) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build(),
            credentials, retry, insecureRegistries);
    }

    RegistryHttp(HttpClient client, Function<String, Optional<RegistryCredentials>> credentials, RetryPolicy retry, Set<String> insecureRegistries) {
        this.client = client;
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

    public URI uri(String registry, String pathAndQuery) {
        boolean plain = insecureRegistries.contains(registry) || ImageReference.parse(registry + "/x").isLoopbackRegistry();
        return URI.create((plain ? "http://" : "https://") + registry + pathAndQuery);
    }

    public <T> HttpResponse<T> send(Call call, HttpResponse.BodyHandler<T> handler) throws InterruptedException {
        String authKey = call.registry() + " " + String.join(" ", call.scopes());
        boolean reauthenticated = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<T> response;
            try {
                requests.incrementAndGet();
                response = client.send(request(call, authorizations.get(authKey)), handler);
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
            int status = response.statusCode();
            if (status == 401 && !reauthenticated) {
                reauthenticated = true;
                Optional<String> authorization = authorize(call, response.headers().firstValue("WWW-Authenticate").orElse(null));
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
                bytesSent.addAndGet(call.bodyBytes());
            }
            return response;
        }
    }

    private HttpRequest request(Call call, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(call.registry(), call.pathAndQuery()))
            .timeout(Duration.ofMinutes(5))
            .method(call.method(), call.body().get());
        call.headers().forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private Duration waitBefore(HttpResponse<?> response, int attempt) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        creds.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RegistryException("cannot get a token from " + realm + " for " + call.registry(), "the token service is unreachable",
                "check that " + realm + " is reachable from this machine", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw unauthorized(call, creds, "the token service " + realm + " refused the credentials (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            throw new RegistryException("the token service " + realm + " answered HTTP " + response.statusCode(),
                "it could not issue a token for " + String.join(" ", scopes), "check the registry's token service");
        }
        try {
            Map<String, Object> body = Json.parseObject(response.body());
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
