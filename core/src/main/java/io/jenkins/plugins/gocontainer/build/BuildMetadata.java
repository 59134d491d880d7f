package io.jenkins.plugins.gocontainer.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gocontainer.GocbException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the {@code --metadata-file} that buildctl and buildx write after a successful build. */
public final class BuildMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildMetadata() {
    }

    public static BuildResult read(Path file, BuildPlan plan) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw unreadable(file, "it could not be read: " + e.getMessage());
        }
        return parse(text, file.toString(), plan);
    }

    static BuildResult parse(String text, String source, BuildPlan plan) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(Path.of(source), "it is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw unreadable(Path.of(source), "it is empty or not a JSON object");
        }
        JsonNode descriptor = root.path("containerimage.descriptor");
        String digest = text(root, "containerimage.digest").orElseGet(() -> text(descriptor, "digest").orElse(null));
        if (digest == null || !digest.startsWith("sha256:")) {
            throw unreadable(Path.of(source), "it has no containerimage.digest (keys: " + fieldNames(root) + ")");
        }
        return new BuildResult(
            digest,
            text(root, "containerimage.config.digest"),
            text(descriptor, "mediaType").orElse("application/vnd.oci.image.manifest.v1+json"),
            descriptor.path("size").asLong(0),
            plan.imageNames(),
            platforms(descriptor, plan));
    }

    /** A single-platform manifest's descriptor names its platform; an index holds what was asked for. */
    private static List<Platform> platforms(JsonNode descriptor, BuildPlan plan) {
        JsonNode platform = descriptor.path("platform");
        Optional<String> os = text(platform, "os");
        Optional<String> architecture = text(platform, "architecture");
        if (os.isPresent() && architecture.isPresent()) {
            return List.of(new Platform(os.get(), architecture.get(), text(platform, "variant").orElse(null)));
        }
        return plan.platforms();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder names = new StringBuilder();
        node.fieldNames().forEachRemaining(name -> names.append(names.isEmpty() ? "" : ", ").append(name));
        return names.toString();
    }

    private static GocbException unreadable(Path file, String why) {
        return new GocbException("the build finished but its metadata file " + file + " is unusable: " + why,
            "the BuildKit client did not write the image digest; this happens with clients older than BuildKit v0.10",
            "run ./dev/setup to install the pinned buildctl/buildx, then build again");
    }
}
