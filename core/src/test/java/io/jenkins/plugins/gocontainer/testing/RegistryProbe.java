package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads manifests straight from a test registry, independently of the code under test. */
public final class RegistryProbe {

    private static final String ACCEPT = String.join(",",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json");

    /** A manifest as the registry serves it, with the digest computed from its bytes. */
    public record Manifest(int status, String contentType, String headerDigest, String computedDigest, String body) {
    }

    private RegistryProbe() {
    }

    public static Manifest manifest(LocalRegistry registry, String repository, String reference) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/manifests/" + reference))
            .header("Accept", ACCEPT).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Manifest(response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            response.headers().firstValue("Docker-Content-Digest").orElse(""),
            sha256(response.body()),
            new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The repositories the registry holds, as its catalog lists them. */
    public static String catalog(LocalRegistry registry) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url() + "/v2/_catalog?n=1000")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("the registry's catalog answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
