package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.cache.TarWriter;
import io.jenkins.plugins.gocontainer.cache.Trees;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileGenerator;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Hands BuildKit a local root filesystem ({@code --base-image golang:1.26=DIR}) as an OCI image
 * layout instead of a local directory. BuildKit sends a local directory again on every build (245
 * MB for the golang one), while a layout is content-addressed: the builder receives its layer once
 * and finds it by digest afterwards.
 *
 * <p>A layout is made once per content of the directory: its name is a digest of every entry's
 * path, type, mode, owner, size and modification time, so an unchanged directory costs one walk
 * and a changed one gets a new layout (the previous one of the same directory is removed). The
 * layer is the directory as an uncompressed tar with each entry's own metadata, as a local
 * context would give it; the image config is empty, as a local context's is.
 */
public final class RootFilesystemLayouts {

    /** Contexts gocb adds itself: module and build caches mounted into RUN steps, which change on every build. */
    private static final Set<String> OWN_CONTEXTS = Set.of(ModuleSource.ProxyDirectory.CONTEXT_NAME, DockerfileGenerator.BUILD_CACHE_CONTEXT);
    private static final String SOURCE_FILE = "gocb-source";
    private static final String MANIFEST_FILE = "gocb-manifest";
    private static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    private static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

    /** Where gocb keeps what it makes once per machine (the base layouts), when not in the user's cache. */
    public static final String CACHE_DIR_VARIABLE = "GOCB_CACHE_DIR";

    private final Path directory;

    public RootFilesystemLayouts(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * From the build's environment: {@code $GOCB_CACHE_DIR/base-layouts}, else
     * {@code $XDG_CACHE_HOME/gocb/base-layouts}, else {@code $HOME/.cache/gocb/base-layouts}; empty
     * when none is set (local bases are then sent as directories).
     */
    public static Optional<RootFilesystemLayouts> inCacheOf(Map<String, String> environment) {
        String own = environment.get(CACHE_DIR_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Optional.of(new RootFilesystemLayouts(Path.of(own).resolve("base-layouts")));
        }
        String cache = environment.get("XDG_CACHE_HOME");
        String home = environment.get("HOME");
        if (cache != null && !cache.isBlank()) {
            return Optional.of(new RootFilesystemLayouts(Path.of(cache).resolve("gocb/base-layouts")));
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(new RootFilesystemLayouts(Path.of(home, ".cache/gocb/base-layouts")));
    }

    /** Where the layouts are kept. */
    public Path directory() {
        return directory;
    }

    /** {@code plan} with each local base image served as an OCI layout; gocb's own cache contexts stay local directories. */
    public BuildPlan apply(BuildPlan plan, OutputSink sink) throws IOException {
        if (plan.namedContexts().stream().noneMatch(this::isLocalBase)) {
            return plan;
        }
        List<Platform> platforms = new ArrayList<>(new LinkedHashSet<>(
            Stream.concat(Stream.of(Platform.host()), plan.platforms().stream()).toList()));
        List<NamedContext> contexts = new ArrayList<>();
        for (NamedContext context : plan.namedContexts()) {
            contexts.add(isLocalBase(context) ? layoutOf(context, platforms, sink) : context);
        }
        return plan.withNamedContexts(contexts);
    }

    private boolean isLocalBase(NamedContext context) {
        return context.isLocal() && !OWN_CONTEXTS.contains(context.name());
    }

    private NamedContext layoutOf(NamedContext local, List<Platform> platforms, OutputSink sink) throws IOException {
        Path rootfs = local.directory();
        String fingerprint = fingerprint(rootfs, platforms);
        Path layout = directory.resolve(fingerprint.substring(0, 32));
        if (!Files.isRegularFile(layout.resolve(MANIFEST_FILE))) {
            sink.line("gocb: turning the local base image " + rootfs + " into an OCI layout in " + layout
                + " (once per content of the directory; BuildKit then receives it only once)");
            write(rootfs, platforms, layout);
            removeEarlierLayouts(rootfs, layout);
        }
        String manifest = Files.readString(layout.resolve(MANIFEST_FILE)).strip();
        return NamedContext.ociLayout(local.name(), "gocb-base-" + fingerprint.substring(0, 12), layout, manifest);
    }

    /** A digest of the tree's metadata: what a local context's transfer would compare, read without reading any file. */
    static String fingerprint(Path rootfs, List<Platform> platforms) throws IOException {
        MessageDigest sha256 = Digests.newSha256();
        sha256.update(("layout-v1 " + rootfs + " " + platforms + "\n").getBytes(StandardCharsets.UTF_8));
        for (Path entry : entries(rootfs)) {
            Map<String, Object> unix = Files.readAttributes(entry, "unix:mode,uid,gid,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            String link = Files.isSymbolicLink(entry) ? Files.readSymbolicLink(entry).toString() : "";
            sha256.update((rootfs.relativize(entry) + "\0" + unix.get("mode") + " " + unix.get("uid") + " " + unix.get("gid") + " "
                + unix.get("size") + " " + ((FileTime) unix.get("lastModifiedTime")).toMillis() + " " + link + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Every entry under {@code rootfs}, sorted by path, without following links. */
    private static List<Path> entries(Path rootfs) throws IOException {
        try (Stream<Path> walk = Files.walk(rootfs)) {
            return walk.filter(entry -> !entry.equals(rootfs)).sorted().toList();
        }
    }

    private static void write(Path rootfs, List<Platform> platforms, Path layout) throws IOException {
        Files.createDirectories(layout.getParent());
        Path incoming = layout.resolveSibling(layout.getFileName() + ".incoming-" + UUID.randomUUID());
        Path blobs = Files.createDirectories(incoming.resolve("blobs/sha256"));
        try {
            Path tar = blobs.resolve("layer.partial");
            MessageDigest sha256 = Digests.newSha256();
            try (OutputStream file = Files.newOutputStream(tar);
                 DigestOutputStream digesting = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha256)) {
                TarWriter writer = new TarWriter(digesting);
                for (Path entry : entries(rootfs)) {
                    writeEntry(writer, rootfs, entry);
                }
                writer.finish();
            }
            String layerDigest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            long layerSize = Files.size(tar);
            Files.move(tar, blob(blobs, layerDigest));
            List<Map<String, Object>> manifests = new ArrayList<>();
            for (Platform platform : platforms) {
                Map<String, Object> config = new LinkedHashMap<>();
                config.put("architecture", platform.architecture());
                config.put("os", platform.os());
                if (platform.variant() != null) {
                    config.put("variant", platform.variant());
                }
                config.put("config", Map.of());
                config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(layerDigest)));
                Map<String, Object> configDescriptor = writeBlob(blobs, OCI_CONFIG, Json.write(config));
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("schemaVersion", 2);
                manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
                manifest.put("config", configDescriptor);
                manifest.put("layers", List.of(Descriptor.json(LAYER_TAR, layerDigest, layerSize)));
                Map<String, Object> manifestDescriptor = new LinkedHashMap<>(writeBlob(blobs, MediaTypes.OCI_MANIFEST, Json.write(manifest)));
                Map<String, Object> platformField = new LinkedHashMap<>();
                platformField.put("architecture", platform.architecture());
                platformField.put("os", platform.os());
                if (platform.variant() != null) {
                    platformField.put("variant", platform.variant());
                }
                manifestDescriptor.put("platform", platformField);
                manifests.add(manifestDescriptor);
            }
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            index.put("manifests", manifests);
            Map<String, Object> indexDescriptor = writeBlob(blobs, MediaTypes.OCI_INDEX, Json.write(index));
            Files.writeString(incoming.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.writeString(incoming.resolve("index.json"), Json.write(Map.of("schemaVersion", 2, "mediaType", MediaTypes.OCI_INDEX,
                "manifests", List.of(indexDescriptor))));
            Files.writeString(incoming.resolve(SOURCE_FILE), rootfs + "\n");
            Files.writeString(incoming.resolve(MANIFEST_FILE), indexDescriptor.get("digest") + "\n");
            moveIntoPlace(incoming, layout);
        } finally {
            Trees.delete(incoming);
        }
    }

    private static void writeEntry(TarWriter writer, Path rootfs, Path entry) throws IOException {
        Map<String, Object> unix = Files.readAttributes(entry, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        TarWriter.Metadata metadata = new TarWriter.Metadata((Integer) unix.get("mode") & 07777, (Integer) unix.get("uid"), (Integer) unix.get("gid"),
            ((FileTime) unix.get("lastModifiedTime")).toMillis() / 1000);
        String path = rootfs.relativize(entry).toString().replace('\\', '/');
        BasicFileAttributes basic = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (basic.isSymbolicLink()) {
            writer.symlink(path, Files.readSymbolicLink(entry).toString(), metadata);
        } else if (basic.isDirectory()) {
            writer.directory(path, metadata);
        } else if (basic.isRegularFile()) {
            try (InputStream content = Files.newInputStream(entry)) {
                writer.file(path, metadata, basic.size(), content);
            }
        }
        // Devices, pipes and sockets: a build context carries none either.
    }

    private static Map<String, Object> writeBlob(Path blobs, String mediaType, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sha256(bytes);
        Files.write(blob(blobs, digest), bytes);
        return Descriptor.json(mediaType, digest, bytes.length);
    }

    private static Path blob(Path blobs, String digest) {
        return blobs.resolve(digest.substring("sha256:".length()));
    }

    /** Another build may have made the same layout meanwhile: theirs is as good as ours. */
    private static void moveIntoPlace(Path incoming, Path layout) throws IOException {
        try {
            Files.move(incoming, layout, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException made) {
            // the other build's layout stays
        } catch (AtomicMoveNotSupportedException sameDirectory) {
            throw new IOException("cannot move " + incoming + " into place as " + layout + ": " + sameDirectory.getMessage(), sameDirectory);
        }
    }

    /** Layouts made from the same directory before it changed: nothing refers to them any more. */
    private void removeEarlierLayouts(Path rootfs, Path current) throws IOException {
        List<Path> layouts;
        try (Stream<Path> children = Files.list(directory)) {
            layouts = children.filter(Files::isDirectory).filter(child -> !child.equals(current)).toList();
        }
        for (Path layout : layouts) {
            Path source = layout.resolve(SOURCE_FILE);
            if (Files.isRegularFile(source) && Files.readString(source).strip().equals(rootfs.toString())) {
                Trees.delete(layout);
            }
        }
    }
}
