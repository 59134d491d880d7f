package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a local layer cache (an OCI layout BuildKit exported) before a build imports it: the
 * index, and every manifest, config and layer it names, present with its recorded size. A cache
 * damaged by a full disk or a hand edit is then said to be damaged, not silently replaced.
 */
final class LocalCacheLayout {

    private LocalCacheLayout() {
    }

    /** What is wrong with the cache in {@code directory}; empty when it is complete (or there is none yet). */
    static Optional<String> damage(Path directory) {
        Path index = directory.resolve("index.json");
        if (!Files.exists(index)) {
            return isEmptyOrAbsent(directory) ? Optional.empty() : Optional.of("it has no index.json");
        }
        try {
            Map<String, Object> root = Json.parseObject(Files.readString(index));
            if (!(root.get("manifests") instanceof List<?> manifests) || manifests.isEmpty()) {
                return Optional.of("its index.json lists no manifests");
            }
            for (Object manifest : manifests) {
                Optional<String> missing = missingBlob(directory, manifest);
                if (missing.isPresent()) {
                    return missing;
                }
                Path manifestBlob = blob(directory, (String) ((Map<?, ?>) manifest).get("digest"));
                Object parsed = Json.parse(Files.readString(manifestBlob));
                if (parsed instanceof Map<?, ?> content) {
                    for (String key : List.of("manifests", "layers")) {
                        if (content.get(key) instanceof List<?> children) {
                            for (Object child : children) {
                                missing = missingBlob(directory, child);
                                if (missing.isPresent()) {
                                    return missing;
                                }
                            }
                        }
                    }
                    if (content.get("config") != null) {
                        missing = missingBlob(directory, content.get("config"));
                        if (missing.isPresent()) {
                            return missing;
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (JsonSyntaxException e) {
            return Optional.of("its index.json or a manifest is not valid JSON (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> missingBlob(Path directory, Object descriptor) throws IOException {
        if (!(descriptor instanceof Map<?, ?> fields) || !(fields.get("digest") instanceof String digest) || !digest.startsWith("sha256:")) {
            return Optional.of("a descriptor has no sha256 digest");
        }
        Path blob = blob(directory, digest);
        if (!Files.isRegularFile(blob)) {
            return Optional.of("blob " + digest + " is missing");
        }
        if (fields.get("size") instanceof Number size && Files.size(blob) != size.longValue()) {
            return Optional.of("blob " + digest + " has " + Files.size(blob) + " bytes instead of " + size.longValue());
        }
        return Optional.empty();
    }

    private static Path blob(Path directory, String digest) {
        return directory.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static boolean isEmptyOrAbsent(Path directory) {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
