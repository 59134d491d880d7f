package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from a Docker {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), as {@code docker login} writes them: the {@code auths} section
 * with {@code auth} (base64 user:password), {@code username}/{@code password} or
 * {@code identitytoken}. Credential helpers are not run.
 */
public final class DockerConfig {

    private final Path file;
    private final Map<String, Object> auths;

    private DockerConfig(Path file, Map<String, Object> auths) {
        this.file = file;
        this.auths = auths;
    }

    public static DockerConfig empty() {
        return new DockerConfig(null, Map.of());
    }

    /** The config of the given environment; an absent file is an empty config. */
    public static DockerConfig load(Map<String, String> environment, Path home) {
        String dir = environment.get("DOCKER_CONFIG");
        Path file = (dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".docker")).resolve("config.json");
        return load(file);
    }

    @SuppressWarnings("unchecked")
    public static DockerConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new DockerConfig(file, Map.of());
        }
        try {
            Map<String, Object> root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            Object auths = root.get("auths");
            return new DockerConfig(file, auths instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        } catch (IOException | JsonSyntaxException e) {
            throw new RegistryException("cannot read the Docker config " + file + ": " + e.getMessage(),
                "registry credentials are read from it", "fix the file (docker login rewrites it) or point DOCKER_CONFIG elsewhere");
        }
    }

    public Optional<RegistryCredentials> credentialsFor(String registry) {
        for (Map.Entry<String, Object> entry : auths.entrySet()) {
            if (normalise(entry.getKey()).equals(normalise(registry)) && entry.getValue() instanceof Map<?, ?> auth) {
                return credentials(auth, entry.getKey());
            }
        }
        return Optional.empty();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    private Optional<RegistryCredentials> credentials(Map<?, ?> auth, String key) {
        if (auth.get("identitytoken") instanceof String token && !token.isBlank()) {
            return Optional.of(new RegistryCredentials("<token>", token));
        }
        if (auth.get("username") instanceof String user && auth.get("password") instanceof String password) {
            return Optional.of(new RegistryCredentials(user, password));
        }
        if (auth.get("auth") instanceof String encoded && !encoded.isBlank()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed(key);
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw malformed(key);
            }
            return Optional.of(new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        return Optional.empty();
    }

    private RegistryException malformed(String key) {
        return new RegistryException("the credentials for " + key + " in " + file + " are malformed",
            "the 'auth' field must be base64 of user:password", "log in again with 'docker login " + key + "'");
    }

    /** "https://index.docker.io/v1/", "index.docker.io" and "docker.io" are one registry; scheme and path are ignored. */
    static String normalise(String key) {
        String host = key.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        return switch (host) {
            case "index.docker.io", "registry-1.docker.io", "docker.io" -> "docker.io";
            default -> host;
        };
    }
}
