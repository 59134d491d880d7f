package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.registry.DockerConfig;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryCredentials;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/** Registry clients for an operation: the Docker config of the context ({@code DOCKER_CONFIG}, else {@code $HOME/.docker}), or an explicit login. */
public final class RegistryAccess {

    private RegistryAccess() {
    }

    /** With the Docker config's credentials: the same ones BuildKit pushes with. */
    public static RegistryClient dockerConfig(OperationContext context, Collection<String> insecureRegistries) {
        return client(context, Optional.empty(), insecureRegistries);
    }

    /** With {@code user} and the secret {@code passwordSecret} when given, else the Docker config. */
    public static RegistryClient login(OperationContext context, String user, String passwordSecret, Collection<String> insecureRegistries) {
        if (user == null && passwordSecret == null) {
            return dockerConfig(context, insecureRegistries);
        }
        if (user == null || passwordSecret == null) {
            throw new InvalidBuildRequestException(setting("registryUser") + " and " + setting("registryPasswordSecret") + " go together",
                "a registry login needs both", "give both, or neither to use the Docker config");
        }
        String password = context.secret(passwordSecret, "registryPasswordSecret");
        return client(context, Optional.of(new RegistryCredentials(user, password)), insecureRegistries);
    }

    private static RegistryClient client(OperationContext context, Optional<RegistryCredentials> explicit, Collection<String> insecureRegistries) {
        DockerConfig config = DockerConfig.load(context.environment(), context.home());
        RegistryHttp http = new RegistryHttp(registry -> explicit.or(() -> config.credentialsFor(registry)),
            RetryPolicy.DEFAULT, new HashSet<>(insecureRegistries));
        return new RegistryClient(http);
    }
}
