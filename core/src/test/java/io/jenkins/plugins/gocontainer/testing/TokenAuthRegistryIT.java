package io.jenkins.plugins.gocontainer.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-auth registry fixture, driven by hand with java.net.http: the registry's Bearer
 * challenge, the token endpoint, and the registry accepting (or refusing) what it issued.
 */
class TokenAuthRegistryIT {

    private static final TokenAuthRegistry.User PUSHER = TokenAuthRegistry.User.readWrite("pusher", "push-secret");
    private static final TokenAuthRegistry.User READER = TokenAuthRegistry.User.readOnly("reader", "read-secret");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void challengeThenTokenThenBearerOnTheBaseEndpoint() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER, READER)) {
            HttpResponse<String> unauthorized = get(registry.url() + "/v2/", null);
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            Map<String, String> challenge = bearerChallenge(unauthorized);
            assertThat(challenge).containsEntry("realm", registry.realm()).containsEntry("service", TokenAuthRegistry.SERVICE);
            assertThat(registry.realm()).startsWith("http://127.0.0.1:").endsWith("/token");

            HttpResponse<String> tokenResponse = get(challenge.get("realm") + "?service=" + encode(challenge.get("service")),
                SyntheticImage.basic("pusher", "push-secret"));
            assertThat(tokenResponse.statusCode()).isEqualTo(200);
            assertThat(tokenResponse.headers().firstValue("Content-Type")).contains("application/json");
            Map<String, String> fields = topLevelFields(tokenResponse.body());
            assertThat(fields).containsKeys("token", "access_token", "expires_in", "issued_at");
            assertThat(fields.get("access_token")).isEqualTo(fields.get("token"));
            assertThat(fields.get("expires_in")).isEqualTo("300");
            assertThat(Instant.parse(fields.get("issued_at"))).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

            String token = fields.get("token");
            String[] jwt = token.split("\\.");
            assertThat(jwt).hasSize(3);
            Map<String, String> header = topLevelFields(decode(jwt[0]));
            assertThat(header).containsEntry("alg", "ES256").containsEntry("typ", "JWT").containsKey("x5c");
            assertThat(Base64.getUrlDecoder().decode(jwt[2])).as("raw R||S, not DER").hasSize(64);
            Map<String, String> claims = topLevelFields(decode(jwt[1]));
            assertThat(claims).containsEntry("iss", TokenAuthRegistry.ISSUER).containsEntry("aud", TokenAuthRegistry.SERVICE)
                .containsEntry("sub", "pusher").containsKeys("exp", "nbf", "iat", "jti", "access");

            HttpResponse<String> authorized = get(registry.url() + "/v2/", "Bearer " + token);
            assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);

            assertThat(registry.tokenRequests()).singleElement().satisfies(request -> {
                assertThat(request.user()).contains("pusher");
                assertThat(request.service()).contains(TokenAuthRegistry.SERVICE);
                assertThat(request.scopes()).isEmpty();
                assertThat(request.status()).isEqualTo(200);
            });
        }
    }

    @Test
    void pushCapableUserPushesABlobAndAManifest() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER, READER)) {
            String repository = "token/app";
            HttpResponse<String> challenged = send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), null);
            assertThat(challenged.statusCode()).isEqualTo(401);
            Map<String, String> challenge = bearerChallenge(challenged);
            String pushScope = challenge.get("scope");
            assertThat(pushScope).as("the registry lists actions in map order").matches("repository:token/app:(pull,push|push,pull)");

            String token = token(registry, challenge, "pusher", "push-secret");
            String bearer = "Bearer " + token;
            assertThat(accessClaim(token)).isEqualTo("[{type=repository, name=" + repository + ", actions=[pull, push]}]");

            byte[] layer = "a small layer, not even a tarball".getBytes(StandardCharsets.UTF_8);
            String layerDigest = uploadBlob(registry.url(), repository, layer, bearer);
            byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8);
            String configDigest = uploadBlob(registry.url(), repository, config, bearer);
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/manifests/v1"))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)), bearer);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
            assertThat(put.headers().firstValue("Docker-Content-Digest")).contains(RegistryProbe.sha256(manifest));

            // The read-only user can pull what was pushed.
            HttpResponse<String> pullChallenge = get(registry.url() + "/v2/" + repository + "/manifests/v1", null);
            Map<String, String> pullScope = bearerChallenge(pullChallenge);
            assertThat(pullScope).containsEntry("scope", "repository:" + repository + ":pull");
            String readToken = token(registry, pullScope, "reader", "read-secret");
            HttpResponse<String> pulled = send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/manifests/v1"))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").GET(), "Bearer " + readToken);
            assertThat(pulled.statusCode()).isEqualTo(200);
            assertThat(pulled.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(manifest);

            assertThat(registry.tokenRequests()).extracting(r -> r.user().orElse(""), TokenAuthRegistry.TokenRequest::scopes,
                    TokenAuthRegistry.TokenRequest::granted)
                .containsExactly(
                    org.assertj.core.groups.Tuple.tuple("pusher", List.of(pushScope), List.of(pushScope)),
                    org.assertj.core.groups.Tuple.tuple("reader", List.of("repository:token/app:pull"), List.of("repository:token/app:pull")));
        }
    }

    @Test
    void readOnlyUserIsDeniedPush() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER, READER)) {
            String uploads = registry.url() + "/v2/token/readonly/blobs/uploads/";
            Map<String, String> challenge = bearerChallenge(send(HttpRequest.newBuilder(URI.create(uploads)).POST(HttpRequest.BodyPublishers.noBody()), null));
            String token = token(registry, challenge, "reader", "read-secret");
            assertThat(accessClaim(token)).isEqualTo("[{type=repository, name=token/readonly, actions=[pull]}]");

            HttpResponse<String> denied = send(HttpRequest.newBuilder(URI.create(uploads)).POST(HttpRequest.BodyPublishers.noBody()), "Bearer " + token);

            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(bearerChallenge(denied)).containsEntry("error", "insufficient_scope");
            assertThat(denied.body()).contains("UNAUTHORIZED");
            assertThat(registry.tokenRequests()).singleElement().satisfies(request -> {
                assertThat(request.user()).contains("reader");
                assertThat(request.scopes()).containsExactly(challenge.get("scope"))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).matches("repository:token/readonly:(pull,push|push,pull)");
                assertThat(request.granted()).containsExactly("repository:token/readonly:pull");
            });
        }
    }

    @Test
    void anonymousGetsATokenWithoutAccessAndIsDenied() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER, READER)) {
            String manifestUrl = registry.url() + "/v2/token/private/manifests/latest";
            Map<String, String> challenge = bearerChallenge(get(manifestUrl, null));
            HttpResponse<String> tokenResponse = get(challenge.get("realm") + "?service=" + encode(challenge.get("service"))
                + "&scope=" + encode(challenge.get("scope")), null);
            assertThat(tokenResponse.statusCode()).isEqualTo(200);
            String token = topLevelFields(tokenResponse.body()).get("token");
            assertThat(accessClaim(token)).isEqualTo("[{type=repository, name=token/private, actions=[]}]");

            HttpResponse<String> denied = get(manifestUrl, "Bearer " + token);
            assertThat(denied.statusCode()).isEqualTo(401);
            assertThat(bearerChallenge(denied)).containsEntry("error", "insufficient_scope");
            HttpResponse<String> pushDenied = send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/token/private/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), "Bearer " + token);
            assertThat(pushDenied.statusCode()).isEqualTo(401);

            assertThat(registry.tokenRequests()).singleElement().satisfies(request -> {
                assertThat(request.anonymous()).isTrue();
                assertThat(request.scopes()).containsExactly("repository:token/private:pull");
                assertThat(request.granted()).containsExactly("repository:token/private:");
            });
        }
    }

    @Test
    void wrongPasswordIsRefusedByTheTokenEndpoint() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER, READER)) {
            HttpResponse<String> refused = get(registry.realm() + "?service=" + encode(TokenAuthRegistry.SERVICE)
                + "&scope=" + encode("repository:token/app:pull"), SyntheticImage.basic("pusher", "wrong"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
            HttpResponse<String> unknown = get(registry.realm() + "?service=" + encode(TokenAuthRegistry.SERVICE), SyntheticImage.basic("nobody", "x"));
            assertThat(unknown.statusCode()).isEqualTo(401);

            assertThat(registry.tokenRequests()).extracting(TokenAuthRegistry.TokenRequest::user, TokenAuthRegistry.TokenRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.of("pusher"), 401), org.assertj.core.groups.Tuple.tuple(Optional.of("nobody"), 401));
        }
    }

    @Test
    void registryVerifiesSignatureAudienceAndExpiry() throws Exception {
        try (TokenAuthRegistry registry = TokenAuthRegistry.start(PUSHER)) {
            String base = registry.url() + "/v2/";
            String valid = registry.issueToken("pusher", Instant.now().plusSeconds(300), List.of("repository:token/app:pull"));
            assertThat(get(base, "Bearer " + valid).statusCode()).isEqualTo(200);

            String[] parts = valid.split("\\.");
            String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"sub\":\"pusher\"", "\"sub\":\"mallory\"").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> tampered = get(base, "Bearer " + parts[0] + "." + otherClaims + "." + parts[2]);
            assertThat(tampered.statusCode()).isEqualTo(401);
            assertThat(bearerChallenge(tampered)).containsEntry("error", "invalid_token");

            String expired = registry.issueToken("pusher", Instant.now().minusSeconds(600), List.of("repository:token/app:pull"));
            HttpResponse<String> late = get(base, "Bearer " + expired);
            assertThat(late.statusCode()).isEqualTo(401);
            assertThat(bearerChallenge(late)).containsEntry("error", "invalid_token");

            assertThat(registry.tokenRequests()).as("issueToken bypasses the endpoint").isEmpty();
        }
    }

    // ---- the distribution API by hand ----

    private String token(TokenAuthRegistry registry, Map<String, String> challenge, String user, String password) throws Exception {
        StringBuilder url = new StringBuilder(challenge.get("realm")).append("?service=").append(encode(challenge.get("service")));
        if (challenge.containsKey("scope")) {
            for (String scope : challenge.get("scope").split(" ")) {
                url.append("&scope=").append(encode(scope));
            }
        }
        HttpResponse<String> response = get(url.toString(), SyntheticImage.basic(user, password));
        assertThat(response.statusCode()).as("token endpoint of " + registry.hostPort() + ": " + response.body()).isEqualTo(200);
        return topLevelFields(response.body()).get("token");
    }

    private String uploadBlob(String registry, String repository, byte[] blob, String authorization) throws Exception {
        String digest = RegistryProbe.sha256(blob);
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(registry + "/v2/" + repository + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody()), authorization);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create(location.startsWith("http") ? location : registry + location);
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest=" + digest))
            .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)), authorization);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(done.headers().firstValue("Docker-Content-Digest")).contains(digest);
        return digest;
    }

    private HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> bearerChallenge(HttpResponse<?> response) {
        String header = response.headers().firstValue("WWW-Authenticate").orElseThrow(() -> new AssertionError("no WWW-Authenticate on " + response));
        assertThat(header).startsWith("Bearer ");
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(header);
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }

    /** The JWT's {@code access} claim, as {@code [{type=.., name=.., actions=[..]}]}, actions sorted. */
    private static String accessClaim(String token) throws IOException {
        try (JsonParser parser = JSON.createParser(decode(token.split("\\.")[1]))) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals("access")) {
                    parser.skipChildren();
                    continue;
                }
                List<String> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> entry = new LinkedHashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        if (parser.nextToken() == JsonToken.START_ARRAY) {
                            List<String> actions = new ArrayList<>();
                            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                                actions.add(parser.getText());
                            }
                            actions.sort(null);
                            entry.put(field, actions.toString());
                        } else {
                            entry.put(field, parser.getText());
                        }
                    }
                    entries.add(entry.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
                }
                return entries.toString();
            }
        }
        throw new AssertionError("no access claim in " + token);
    }

    /** Top-level fields of a JSON object: scalars as text, objects and arrays as "{...}"/"[...]" markers. */
    static Map<String, String> topLevelFields(String json) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            assertThat(parser.nextToken()).as(json).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    fields.put(name, value == JsonToken.START_OBJECT ? "{...}" : "[...]");
                    parser.skipChildren();
                } else {
                    fields.put(name, parser.getText());
                }
            }
        }
        return fields;
    }
}
