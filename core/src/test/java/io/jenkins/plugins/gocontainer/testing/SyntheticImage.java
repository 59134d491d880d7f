package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Pushes small but complete images (config + layers, or an index of them) straight through the
 * distribution API, independently of the code under test, for registry tests that need content
 * faster than a build makes it.
 */
public final class SyntheticImage {

    public record Pushed(String digest, String mediaType, byte[] manifest, List<String> blobDigests) {
    }

    private SyntheticImage() {
    }

    /** An OCI image with a config and {@code layers} random layers of {@code layerBytes} each, pushed under {@code tag}. */
    public static Pushed push(String registry, String repository, String tag, int layers, int layerBytes, String authorization, long seed)
        throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<String> blobs = new ArrayList<>();
        StringBuilder layerJson = new StringBuilder();
        for (int i = 0; i < layers; i++) {
            byte[] layer = new byte[layerBytes];
            random.nextBytes(layer);
            String digest = uploadBlob(registry, repository, layer, authorization);
            blobs.add(digest);
            layerJson.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"")
                .append(digest).append("\",\"size\":").append(layer.length).append('}');
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"seed\":" + seed + "}")
            .getBytes(StandardCharsets.UTF_8);
        String configDigest = uploadBlob(registry, repository, config, authorization);
        blobs.add(0, configDigest);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
            + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},\"layers\":[" + layerJson + "]}";
        return putManifest(registry, repository, tag, "application/vnd.oci.image.manifest.v1+json", manifest.getBytes(StandardCharsets.UTF_8), blobs, authorization);
    }

    /** An OCI index of the given images (already pushed to the same repository), pushed under {@code tag}. */
    public static Pushed pushIndex(String registry, String repository, String tag, List<Pushed> images, List<String> platforms, String authorization)
        throws IOException, InterruptedException {
        StringBuilder manifests = new StringBuilder();
        List<String> blobs = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            String[] platform = platforms.get(i).split("/");
            manifests.append(i == 0 ? "" : ",").append("{\"mediaType\":\"").append(images.get(i).mediaType()).append("\",\"digest\":\"")
                .append(images.get(i).digest()).append("\",\"size\":").append(images.get(i).manifest().length)
                .append(",\"platform\":{\"architecture\":\"").append(platform[1]).append("\",\"os\":\"").append(platform[0]).append("\"}}");
            blobs.addAll(images.get(i).blobDigests());
        }
        String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[" + manifests + "]}";
        return putManifest(registry, repository, tag, "application/vnd.oci.image.index.v1+json", index.getBytes(StandardCharsets.UTF_8), blobs, authorization);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Pushed putManifest(String registry, String repository, String tag, String mediaType, byte[] body, List<String> blobs, String authorization)
        throws IOException, InterruptedException {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + repository + "/manifests/" + tag))
            .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = send(put, authorization);
        if (response.statusCode() != 201) {
            throw new IOException("manifest PUT failed: " + response.statusCode() + " " + response.body());
        }
        return new Pushed(RegistryProbe.sha256(body), mediaType, body, blobs);
    }

    private static String uploadBlob(String registry, String repository, byte[] blob, String authorization) throws IOException, InterruptedException {
        String digest = RegistryProbe.sha256(blob);
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + repository + "/blobs/uploads/"))
            .POST(HttpRequest.BodyPublishers.noBody()), authorization);
        String location = started.headers().firstValue("Location").orElseThrow(() -> new IOException("no upload location: " + started.statusCode()));
        URI upload = URI.create(location.startsWith("http") ? location : "http://" + registry + location);
        String separator = upload.getRawQuery() == null ? "?" : "&";
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest))
            .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)), authorization);
        if (done.statusCode() != 201) {
            throw new IOException("blob PUT failed: " + done.statusCode() + " " + done.body());
        }
        return digest;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
