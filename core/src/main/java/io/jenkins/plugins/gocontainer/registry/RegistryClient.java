package io.jenkins.plugins.gocontainer.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the OCI distribution API that tagging and promotion need: manifests by tag or
 * digest (HEAD, GET, PUT of exact bytes), blob existence, cross-repository mount, and blob copy.
 */
public final class RegistryClient {

    private final RegistryHttp http;

    public RegistryClient(RegistryHttp http) {
        this.http = http;
    }

    public RegistryHttp http() {
        return http;
    }

    /** The digest and media type a reference (tag or digest) points at, or empty when it does not exist. */
    public Optional<Descriptor> headManifest(ImageReference repository, String reference) throws InterruptedException {
        RegistryHttp.Call call = RegistryHttp.Call.head(repository.registry(), manifestPath(repository, reference),
            List.of(pull(repository)), Map.of("Accept", MediaTypes.ACCEPT));
        HttpResponse<Void> response = http.send(call, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(call, response.statusCode(), "", repository);
        String digest = response.headers().firstValue("Docker-Content-Digest").orElse("");
        String mediaType = response.headers().firstValue("Content-Type").orElse("");
        long size = response.headers().firstValueAsLong("Content-Length").orElse(0);
        if (digest.isEmpty()) {
            // Some registries omit the digest on HEAD; the body tells.
            return getManifest(repository, reference).map(m -> new Descriptor(m.mediaType(), m.digest(), m.bytes().length, Optional.empty()));
        }
        return Optional.of(new Descriptor(mediaType, digest, size, Optional.empty()));
    }

    /** The manifest or index exactly as served, or empty when the reference does not exist. */
    public Optional<Manifest> getManifest(ImageReference repository, String reference) throws InterruptedException {
        RegistryHttp.Call call = RegistryHttp.Call.get(repository.registry(), manifestPath(repository, reference),
            List.of(pull(repository)), Map.of("Accept", MediaTypes.ACCEPT));
        HttpResponse<byte[]> response = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        check(call, response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), repository);
        String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        if (!MediaTypes.isKnownManifest(mediaType)) {
            throw new RegistryException(repository.name() + ":" + reference + " has media type '" + mediaType + "', which is neither OCI nor Docker v2",
                "the registry serves an old (schema 1) or unknown manifest format, or is not an OCI registry",
                "push the image again with a current client (BuildKit, docker 20+) so that it is stored as OCI or Docker v2");
        }
        Manifest manifest = Manifest.of(mediaType, response.body());
        if (Digests.isDigest(reference) && !reference.equals(manifest.digest())) {
            throw new RegistryException("the registry served content for " + reference + " whose digest is " + manifest.digest(),
                "the content does not match its name: a broken registry or a proxy rewriting responses", "do not use this registry until it is fixed");
        }
        return Optional.of(manifest);
    }

    /** PUTs the exact bytes under a tag or digest; returns the digest the registry reports. */
    public String putManifest(ImageReference repository, String reference, Manifest manifest) throws InterruptedException {
        byte[] bytes = manifest.bytes();
        RegistryHttp.Call call = new RegistryHttp.Call("PUT", repository.registry(), manifestPath(repository, reference),
            List.of(pushPull(repository)), Map.of("Content-Type", manifest.mediaType()),
            () -> HttpRequest.BodyPublishers.ofByteArray(bytes), bytes.length);
        HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
        check(call, response.statusCode(), response.body(), repository);
        return response.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    }

    public boolean blobExists(ImageReference repository, String digest) throws InterruptedException {
        RegistryHttp.Call call = RegistryHttp.Call.head(repository.registry(), "/v2/" + repository.repository() + "/blobs/" + digest,
            List.of(pull(repository)), Map.of());
        HttpResponse<Void> response = http.send(call, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return false;
        }
        check(call, response.statusCode(), "", repository);
        return true;
    }

    /**
     * Asks the registry to link a blob from another repository of the same registry, without
     * transferring it. Returns false when the registry declined (it then opened an upload, which is
     * cancelled here).
     */
    public boolean mountBlob(ImageReference target, String digest, ImageReference from) throws InterruptedException {
        RegistryHttp.Call call = new RegistryHttp.Call("POST", target.registry(),
            "/v2/" + target.repository() + "/blobs/uploads/?mount=" + digest + "&from=" + from.repository(),
            List.of(pushPull(target), pull(from)), Map.of(), HttpRequest.BodyPublishers::noBody, 0);
        HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return true;
        }
        check(call, response.statusCode(), response.body(), target);
        response.headers().firstValue("Location").ifPresent(location -> cancelUpload(target, location));
        return false;
    }

    /**
     * Copies a blob from one repository (possibly on another registry) to another, through a
     * temporary file, verifying its digest before upload.
     */
    public void copyBlob(ImageReference from, ImageReference to, Descriptor blob) throws IOException, InterruptedException {
        Path temp = Files.createTempFile("gocb-blob-", ".tmp");
        try {
            RegistryHttp.Call get = RegistryHttp.Call.get(from.registry(), "/v2/" + from.repository() + "/blobs/" + blob.digest(),
                List.of(pull(from)), Map.of());
            HttpResponse<InputStream> response = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha256 = Digests.newSha256();
            try (InputStream in = new DigestInputStream(response.body(), sha256)) {
                check(get, response.statusCode(), "", from);
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(blob.digest())) {
                throw new RegistryException("blob " + blob.digest() + " from " + from.name() + " has digest " + actual,
                    "the registry served corrupted content", "do not promote from this registry until it is fixed");
            }
            upload(to, blob.digest(), temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void upload(ImageReference to, String digest, Path file) throws IOException, InterruptedException {
        RegistryHttp.Call start = new RegistryHttp.Call("POST", to.registry(), "/v2/" + to.repository() + "/blobs/uploads/",
            List.of(pushPull(to)), Map.of(), HttpRequest.BodyPublishers::noBody, 0);
        HttpResponse<String> started = http.send(start, HttpResponse.BodyHandlers.ofString());
        check(start, started.statusCode(), started.body(), to);
        String location = started.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
            "the registry " + to.registry() + " opened an upload without a Location", "it does not follow the distribution API", "use another registry"));
        String path = uploadPath(to, location);
        long size = Files.size(file);
        RegistryHttp.Call put = new RegistryHttp.Call("PUT", to.registry(), path + (path.contains("?") ? "&" : "?") + "digest=" + digest,
            List.of(pushPull(to)), Map.of("Content-Type", "application/octet-stream"), () -> {
                try {
                    return HttpRequest.BodyPublishers.ofFile(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, size);
        HttpResponse<String> done = http.send(put, HttpResponse.BodyHandlers.ofString());
        check(put, done.statusCode(), done.body(), to);
    }

    private void cancelUpload(ImageReference target, String location) {
        try {
            RegistryHttp.Call cancel = new RegistryHttp.Call("DELETE", target.registry(), uploadPath(target, location),
                List.of(pushPull(target)), Map.of(), HttpRequest.BodyPublishers::noBody, 0);
            http.send(cancel, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // An abandoned upload session expires on the registry; nothing else to clean.
        }
    }

    /** Upload locations may be absolute or relative; the client always talks to the registry itself. */
    private static String uploadPath(ImageReference to, String location) {
        URI uri = URI.create(location);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void check(RegistryHttp.Call call, int status, String body, ImageReference repository) {
        if (status < 300) {
            return;
        }
        if (status == 401 || status == 403) {
            throw http.unauthorized(call, http.credentialsFor(repository.registry()), "HTTP " + status + errorCode(body));
        }
        throw new RegistryException(call.method() + " " + call.pathAndQuery() + " on " + call.registry() + " failed: HTTP " + status + errorCode(body),
            status == 429 || status >= 500 ? "the registry kept failing after retries" : "the registry rejected the request",
            status == 429 || status >= 500 ? "retry later, or check the registry's health" : "check the image name and your rights on " + repository.name());
    }

    private static String errorCode(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return " (" + (trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed) + ")";
    }

    private static String manifestPath(ImageReference repository, String reference) {
        return "/v2/" + repository.repository() + "/manifests/" + reference;
    }

    static String pull(ImageReference repository) {
        return "repository:" + repository.repository() + ":pull";
    }

    static String pushPull(ImageReference repository) {
        return "repository:" + repository.repository() + ":pull,push";
    }
}
