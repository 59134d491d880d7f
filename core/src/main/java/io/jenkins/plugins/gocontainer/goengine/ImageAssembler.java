package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the configs, manifests and index of the image the generated Dockerfile makes: the base
 * layer (CA certificates and {@code /etc/passwd}) and the binary's layer, run as the non-root user,
 * the binary as entrypoint, the OCI labels, and a history that says what made each layer. Every
 * time in them is {@code created}, so the same inputs give the same digests.
 */
final class ImageAssembler {

    static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final String CERTIFICATES = "/etc/ssl/certs/ca-certificates.crt";

    /** One platform's compiled binary, its layer, and the command that compiled it (for the history). */
    record Compiled(Platform platform, ImageLayer layer, String command) {
    }

    private final ImageLayer base;
    private final String baseHistory;
    private final String entrypoint;
    private final String user;
    private final Map<String, String> labels;
    private final Instant created;

    ImageAssembler(ImageLayer base, String baseHistory, String entrypoint, String user, Map<String, String> labels, Instant created) {
        this.base = base;
        this.baseHistory = baseHistory;
        this.entrypoint = entrypoint;
        this.user = user;
        this.labels = new TreeMap<>(labels);
        this.created = created;
    }

    AssembledImage assemble(List<Compiled> binaries) {
        List<AssembledImage.PlatformImage> images = new ArrayList<>();
        for (Compiled binary : binaries) {
            byte[] config = bytes(config(binary));
            List<ImageLayer> layers = List.of(base, binary.layer());
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.put("config", Descriptor.json(AssembledImage.CONFIG_MEDIA_TYPE, Digests.sha256(config),
                config.length));
            manifest.put("layers", layers.stream().map(layer -> Descriptor.json(ImageLayer.MEDIA_TYPE, layer.digest(), layer.size())).toList());
            images.add(new AssembledImage.PlatformImage(binary.platform(), Manifest.of(MediaTypes.OCI_MANIFEST, bytes(manifest)), config, layers));
        }
        if (images.size() == 1) {
            return new AssembledImage(images.get(0).manifest(), images);
        }
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (AssembledImage.PlatformImage image : images) {
            Map<String, Object> entry = Descriptor.json(MediaTypes.OCI_MANIFEST, image.manifest().digest(), image.manifest().bytes().length);
            entry.put("platform", platform(image.platform()));
            manifests.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", manifests);
        return new AssembledImage(Manifest.of(MediaTypes.OCI_INDEX, bytes(index)), images);
    }

    private Map<String, Object> config(Compiled binary) {
        String time = DateTimeFormatter.ISO_INSTANT.format(created);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("created", time);
        config.putAll(platform(binary.platform()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("User", user);
        run.put("Env", List.of(PATH, "SSL_CERT_FILE=" + CERTIFICATES));
        run.put("Entrypoint", List.of(entrypoint));
        run.put("WorkingDir", "/");
        run.put("Labels", labels);
        config.put("config", run);
        config.put("rootfs", ordered("type", "layers", "diff_ids", List.of(base.diffId(), binary.layer().diffId())));
        config.put("history", List.of(
            ordered("created", time, "created_by", baseHistory, "comment", "gocb go engine"),
            ordered("created", time, "created_by", binary.command(), "comment", "gocb go engine")));
        return config;
    }

    /** Map.of iterates in an order that changes from one JVM to the next: the bytes, and so the digests, must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> platform(Platform platform) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("architecture", platform.architecture());
        fields.put("os", platform.os());
        if (platform.variant() != null) {
            fields.put("variant", platform.variant());
        }
        return fields;
    }

    private static byte[] bytes(Map<String, Object> json) {
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }
}
