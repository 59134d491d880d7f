package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.Platform;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.cache.FileReplacement;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code --metadata-file} that buildctl and buildx write after a successful build. */
public final class BuildMetadata {

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

    /** Whether {@code file} is a metadata file a build wrote (so that a later build may replace it). */
    public static boolean isMetadataFile(Path file) throws IOException {
        return FileReplacement.smallJsonObject(file).filter(root -> root.containsKey("containerimage.digest")).isPresent();
    }

    static BuildResult parse(String text, String source, BuildPlan plan) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(text);
        } catch (JsonSyntaxException e) {
            throw unreadable(Path.of(source), "it is not a JSON object: " + e.getMessage());
        }
        Map<String, Object> descriptor = object(root, "containerimage.descriptor");
        String digest = text(root, "containerimage.digest").orElseGet(() -> text(descriptor, "digest").orElse(null));
        if (digest == null || !digest.startsWith("sha256:")) {
            throw unreadable(Path.of(source), "it has no containerimage.digest (keys: " + String.join(", ", root.keySet()) + ")");
        }
        return new BuildResult(
            digest,
            text(root, "containerimage.config.digest"),
            text(descriptor, "mediaType").orElse("application/vnd.oci.image.manifest.v1+json"),
            descriptor.get("size") instanceof Number size ? size.longValue() : 0,
            plan.imageNames(),
            platforms(descriptor, plan));
    }

    /** A single-platform manifest's descriptor names its platform; an index holds what was asked for. */
    private static List<Platform> platforms(Map<String, Object> descriptor, BuildPlan plan) {
        Map<String, Object> platform = object(descriptor, "platform");
        Optional<String> os = text(platform, "os");
        Optional<String> architecture = text(platform, "architecture");
        if (os.isPresent() && architecture.isPresent()) {
            return List.of(new Platform(os.get(), architecture.get(), text(platform, "variant").orElse(null)));
        }
        return plan.platforms();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String field) {
        return parent.get(field) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Optional<String> text(Map<String, Object> object, String field) {
        return object.get(field) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    private static GocbException unreadable(Path file, String why) {
        return new GocbException("the build finished but its metadata file " + file + " is unusable: " + why,
            "the BuildKit client did not write the image digest; this happens with clients older than BuildKit v0.10",
            "run ./dev/setup to install the pinned buildctl/buildx, then build again");
    }
}
