package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of the OCI distribution API that tagging, promotion and caches need: manifests by tag
 * or digest (HEAD, GET, PUT of exact bytes), blob existence, upload, verified download,
 * cross-repository mount and copy, and tag listing.
 */
public final class RegistryClient {

    private static final int TAGS_PAGE_SIZE = 1000;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

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
        RegistryHttp.Response response = http.send(call);
        if (response.status() == 404) {
            return Optional.empty();
        }
        check(call, response, repository);
        String digest = response.header("Docker-Content-Digest").orElse("");
        String mediaType = response.header("Content-Type").orElse("");
        long size = response.header("Content-Length").map(Long::parseLong).orElse(0L);
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
        RegistryHttp.Response response = http.send(call);
        if (response.status() == 404) {
            return Optional.empty();
        }
        check(call, response, repository);
        String mediaType = response.header("Content-Type").orElse("").split(";")[0].strip();
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
        RegistryHttp.Call call = RegistryHttp.Call.of("PUT", repository.registry(), manifestPath(repository, reference),
            List.of(pushPull(repository)), Map.of("Content-Type", manifest.mediaType()), RegistryHttp.Body.of(manifest.bytes()));
        RegistryHttp.Response response = http.send(call);
        check(call, response, repository);
        return response.header("Docker-Content-Digest").orElse(manifest.digest());
    }

    public boolean blobExists(ImageReference repository, String digest) throws InterruptedException {
        RegistryHttp.Call call = RegistryHttp.Call.head(repository.registry(), "/v2/" + repository.repository() + "/blobs/" + digest,
            List.of(pull(repository)), Map.of());
        RegistryHttp.Response response = http.send(call);
        if (response.status() == 404) {
            return false;
        }
        check(call, response, repository);
        return true;
    }

    /**
     * Asks the registry to link a blob from another repository of the same registry, without
     * transferring it. Returns false when the registry declined (it then opened an upload, which is
     * cancelled here).
     */
    public boolean mountBlob(ImageReference target, String digest, ImageReference from) throws InterruptedException {
        RegistryHttp.Call call = RegistryHttp.Call.of("POST", target.registry(),
            "/v2/" + target.repository() + "/blobs/uploads/?mount=" + digest + "&from=" + from.repository(),
            List.of(pushPull(target), pull(from)), Map.of(), RegistryHttp.Body.none());
        RegistryHttp.Response response = http.send(call);
        if (response.status() == 201) {
            return true;
        }
        check(call, response, target);
        response.header("Location").ifPresent(location -> cancelUpload(target, location));
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
                List.of(pull(from)), Map.of()).downloadingTo(temp);
            check(get, http.send(get), from);
            MessageDigest sha256 = Digests.newSha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(temp), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(blob.digest())) {
                throw new RegistryException("blob " + blob.digest() + " from " + from.name() + " has digest " + actual,
                    "the registry served corrupted content", "do not promote from this registry until it is fixed");
            }
            upload(to, blob.digest(), RegistryHttp.Body.of(temp));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Uploads a file as a blob: POST opens an upload, PUT with {@code ?digest=} sends the content in one request. */
    public void uploadBlob(ImageReference repository, String digest, Path file) throws IOException, InterruptedException {
        upload(repository, digest, RegistryHttp.Body.of(file));
    }

    /** Uploads a small blob held in memory, such as a config. */
    public void uploadBlob(ImageReference repository, byte[] content) throws InterruptedException {
        upload(repository, Digests.sha256(content), RegistryHttp.Body.of(content));
    }

    /**
     * Streams a blob into a file and checks its size and digest against the descriptor, since a
     * registry or a proxy can serve corrupt bytes. Returns false when the registry does not have it.
     */
    public boolean downloadBlob(ImageReference repository, Descriptor blob, Path file) throws IOException, InterruptedException {
        RegistryHttp.Call get = RegistryHttp.Call.get(repository.registry(), "/v2/" + repository.repository() + "/blobs/" + blob.digest(),
            List.of(pull(repository)), Map.of()).downloadingTo(file);
        RegistryHttp.Response response = http.send(get);
        if (response.status() == 404) {
            return false;
        }
        check(get, response, repository);
        long size = Files.size(file);
        if (size != blob.size()) {
            throw new BlobDigestMismatchException("blob " + blob.digest() + " from " + repository.name() + " has " + size + " bytes where its descriptor says " + blob.size());
        }
        MessageDigest sha256 = Digests.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(blob.digest())) {
            throw new BlobDigestMismatchException("blob " + blob.digest() + " from " + repository.name() + " has digest " + actual);
        }
        return true;
    }

    /** Every tag of a repository, following the registry's {@code Link} pagination; empty when the repository does not exist. */
    public List<String> listTags(ImageReference repository) throws InterruptedException {
        return listTags(repository, TAGS_PAGE_SIZE);
    }

    public List<String> listTags(ImageReference repository, int pageSize) throws InterruptedException {
        List<String> tags = new ArrayList<>();
        Set<String> pagesSeen = new HashSet<>();
        String page = "/v2/" + repository.repository() + "/tags/list?n=" + pageSize;
        while (page != null && pagesSeen.add(page)) {
            RegistryHttp.Call call = RegistryHttp.Call.get(repository.registry(), page, List.of(pull(repository)), Map.of("Accept", "application/json"));
            RegistryHttp.Response response = http.send(call);
            if (response.status() == 404 && tags.isEmpty()) {
                return List.of();
            }
            check(call, response, repository);
            tags.addAll(tagsOf(call, response));
            page = response.header("Link").flatMap(RegistryClient::nextPage).orElse(null);
        }
        return List.copyOf(tags);
    }

    private static List<String> tagsOf(RegistryHttp.Call call, RegistryHttp.Response response) {
        try {
            Object tags = Json.parseObject(response.bodyText()).get("tags");
            if (tags == null) {
                return List.of(); // a repository whose tags were all deleted
            }
            if (tags instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
        } catch (JsonSyntaxException ignored) {
            // reported below
        }
        throw new RegistryException("GET " + call.pathAndQuery() + " on " + call.registry() + " answered without a list of tags",
            "the registry does not follow the distribution API's tag listing", "use another registry, or report the answer to its maintainers");
    }

    private static Optional<String> nextPage(String link) {
        Matcher next = NEXT_LINK.matcher(link);
        return next.find() ? Optional.of(pathAndQuery(next.group(1))) : Optional.empty();
    }

    private void upload(ImageReference to, String digest, RegistryHttp.Body body) throws InterruptedException {
        RegistryHttp.Call start = RegistryHttp.Call.of("POST", to.registry(), "/v2/" + to.repository() + "/blobs/uploads/",
            List.of(pushPull(to)), Map.of(), RegistryHttp.Body.none());
        RegistryHttp.Response started = http.send(start);
        check(start, started, to);
        String location = started.header("Location").orElseThrow(() -> new RegistryException(
            "the registry " + to.registry() + " opened an upload without a Location", "it does not follow the distribution API", "use another registry"));
        String path = pathAndQuery(location);
        RegistryHttp.Call put = RegistryHttp.Call.of("PUT", to.registry(), path + (path.contains("?") ? "&" : "?") + "digest=" + digest,
            List.of(pushPull(to)), Map.of("Content-Type", "application/octet-stream"), body);
        check(put, http.send(put), to);
    }

    private void cancelUpload(ImageReference target, String location) {
        try {
            RegistryHttp.Call cancel = RegistryHttp.Call.of("DELETE", target.registry(), pathAndQuery(location),
                List.of(pushPull(target)), Map.of(), RegistryHttp.Body.none());
            http.send(cancel);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // An abandoned upload session expires on the registry; nothing else to clean.
        }
    }

    /** Upload locations and page links may be absolute or relative; the client always talks to the registry itself. */
    private static String pathAndQuery(String location) {
        URI uri = URI.create(location);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void check(RegistryHttp.Call call, RegistryHttp.Response response, ImageReference repository) {
        int status = response.status();
        String body = response.bodyText();
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
