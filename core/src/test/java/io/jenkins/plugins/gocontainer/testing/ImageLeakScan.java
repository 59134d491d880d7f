package io.jenkins.plugins.gocontainer.testing;

import io.jenkins.plugins.gocontainer.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Pulls every blob of a pushed image (manifest, config, each layer decompressed) straight from the
 * registry and searches them for secret values, in plain, base64 and URL-encoded form: the proof
 * that no key, passphrase or token reached an image.
 */
public final class ImageLeakScan {

    private static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json";

    private final Map<String, byte[]> parts;

    private ImageLeakScan(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    /** Reads the single-platform image {@code repository@digest}. */
    public static ImageLeakScan pull(LocalRegistry registry, String repository, String digest) throws IOException, InterruptedException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        byte[] manifest = get(registry.url() + "/v2/" + repository + "/manifests/" + digest);
        parts.put("manifest", manifest);
        Map<String, Object> parsed = Json.parseObject(new String(manifest, StandardCharsets.UTF_8));
        String config = (String) ((Map<?, ?>) parsed.get("config")).get("digest");
        parts.put("config " + config, get(registry.url() + "/v2/" + repository + "/blobs/" + config));
        for (Object layer : (List<?>) parsed.get("layers")) {
            String layerDigest = (String) ((Map<?, ?>) layer).get("digest");
            byte[] compressed = get(registry.url() + "/v2/" + repository + "/blobs/" + layerDigest);
            parts.put("layer " + layerDigest + " (compressed)", compressed);
            try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                parts.put("layer " + layerDigest, gunzip.readAllBytes());
            }
        }
        if (parts.keySet().stream().noneMatch(name -> name.startsWith("layer "))) {
            throw new AssertionError("the image " + repository + "@" + digest + " has no layers: nothing was scanned");
        }
        return new ImageLeakScan(parts);
    }

    /** How many parts were read (manifest, config, layers). */
    public int partCount() {
        return parts.size();
    }

    /** Every (part, secret form) where a secret occurs; empty means no leak. */
    public List<String> hits(List<String> secrets) {
        return hits(parts, secrets);
    }

    /** Searches arbitrary named texts (a build log, a metadata file) the same way. */
    public static List<String> hits(Map<String, byte[]> texts, List<String> secrets) {
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : texts.entrySet()) {
            String content = new String(part.getValue(), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                for (Map.Entry<String, String> form : forms(secret).entrySet()) {
                    if (content.contains(form.getValue())) {
                        hits.add(part.getKey() + " contains the " + form.getKey() + " form of a secret");
                    }
                }
            }
        }
        return hits;
    }

    private static Map<String, String> forms(String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        forms.put("url-encoded", java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8));
        return forms;
    }

    private static byte[] get(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url)).header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
