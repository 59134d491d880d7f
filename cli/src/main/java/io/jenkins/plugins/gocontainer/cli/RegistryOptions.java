package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.operations.RegistryAccess;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** How gocb talks to registries: credentials (Docker config, or a user with a password from the environment) and insecure hosts. */
final class RegistryOptions {

    @Option(names = "--registry-user", paramLabel = "USER", description = "registry user (default: from the Docker config)")
    String user;

    @Option(names = "--registry-password-env", paramLabel = "VAR", description = "environment variable holding the registry password or token (never a flag value)")
    String passwordVariable;

    @Mixin
    InsecureRegistryOptions insecure;

    RegistryClient client(Map<String, String> environment) {
        return RegistryAccess.login(OperationContext.of(Path.of("").toAbsolutePath(), environment, OutputSink.discard()), user, passwordVariable,
            insecure.hosts);
    }
}
