package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.creds.SecretDirectory;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's explicit registry login ({@code registryUser} and {@code registryPasswordSecret}):
 * a private Docker config, mode 0600 in a 0700 directory, that BuildKit pushes with and the
 * registry client reads, named by {@code DOCKER_CONFIG} for this build only. It holds the
 * registries of the build's images and nothing else; it is deleted when the build ends.
 */
final class PushLogin implements AutoCloseable {

    private final SecretDirectory directory;

    private PushLogin(SecretDirectory directory) {
        this.directory = directory;
    }

    static PushLogin open(String user, String passwordSecret, List<ImageReference> images, OperationContext context) {
        String password = context.secret(passwordSecret, "registryPasswordSecret");
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> auths = new LinkedHashMap<>();
        images.forEach(image -> auths.put(image.registry(), Map.of("auth", auth)));
        SecretDirectory directory = SecretDirectory.create(context.masker());
        try {
            directory.register(password).register(auth);
            directory.write("config.json", Json.write(Map.of("auths", auths)));
            return new PushLogin(directory);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** {@code context} pushing with this login. */
    OperationContext applyTo(OperationContext context) {
        return context.withEnvironmentVariable("DOCKER_CONFIG", directory.path().toString());
    }

    @Override
    public void close() {
        directory.close();
    }
}
