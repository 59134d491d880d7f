package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.registry.DockerConfig;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryCredentials;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How gocb talks to registries: credentials (Docker config, or a user with a password from the environment) and insecure hosts. */
final class RegistryOptions {

    @Option(names = "--registry-user", paramLabel = "USER", description = "registry user (default: from the Docker config)")
    String user;

    @Option(names = "--registry-password-env", paramLabel = "VAR", description = "environment variable holding the registry password or token (never a flag value)")
    String passwordVariable;

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT", description = "registry spoken to over HTTP (loopback registries always are)")
    List<String> insecureRegistries = new java.util.ArrayList<>();

    RegistryClient client(Map<String, String> environment) {
        return client(environment, explicitCredentials(environment), insecureRegistries);
    }

    /** A client with the Docker config's credentials: the same ones BuildKit pushes with. */
    static RegistryClient dockerConfigClient(Map<String, String> environment, List<String> insecureRegistries) {
        return client(environment, Optional.empty(), insecureRegistries);
    }

    private static RegistryClient client(Map<String, String> environment, Optional<RegistryCredentials> explicit, List<String> insecureRegistries) {
        DockerConfig config = DockerConfig.load(environment, Path.of(System.getProperty("user.home")));
        RegistryHttp http = new RegistryHttp(registry -> explicit.or(() -> config.credentialsFor(registry)),
            RetryPolicy.DEFAULT, new HashSet<>(insecureRegistries));
        return new RegistryClient(http);
    }

    private Optional<RegistryCredentials> explicitCredentials(Map<String, String> environment) {
        if (user == null && passwordVariable == null) {
            return Optional.empty();
        }
        if (user == null || passwordVariable == null) {
            throw new InvalidBuildRequestException("--registry-user and --registry-password-env go together",
                "a registry login needs both", "pass both, or neither to use the Docker config");
        }
        String password = environment.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new InvalidBuildRequestException("the environment variable " + passwordVariable + " is not set",
                "--registry-password-env names the variable that holds the registry password",
                "export " + passwordVariable + " (in Jenkins: withCredentials) before running gocb");
        }
        return Optional.of(new RegistryCredentials(user, password));
    }
}
