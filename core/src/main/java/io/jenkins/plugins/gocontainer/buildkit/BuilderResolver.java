package io.jenkins.plugins.gocontainer.buildkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which buildkitd a build uses: {@code --addr}, then {@code BUILDKIT_HOST}, then a builder
 * answering at the default socket, and finally gocb's own {@link EmbeddedBuilder}, started on
 * first use and reused afterwards.
 */
public final class BuilderResolver {

    public static final String BUILDKIT_HOST = "BUILDKIT_HOST";

    private final Map<String, String> environment;
    private final EmbeddedBuilder embedded;
    private final Path defaultSocket;

    public BuilderResolver(Map<String, String> environment, EmbeddedBuilder embedded) {
        this(environment, embedded, BuilderConnection.of(BuilderConnection.DEFAULT_ADDRESS).socketPath().orElseThrow());
    }

    BuilderResolver(Map<String, String> environment, EmbeddedBuilder embedded, Path defaultSocket) {
        this.environment = Map.copyOf(environment);
        this.embedded = embedded;
        this.defaultSocket = defaultSocket;
    }

    /** The address to use without starting anything: empty when the embedded builder is needed. */
    public Optional<String> configuredAddress(Optional<String> explicitAddress) {
        if (explicitAddress.isPresent() && !explicitAddress.get().isBlank()) {
            return explicitAddress;
        }
        String fromEnvironment = environment.get(BUILDKIT_HOST);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        return Optional.empty();
    }

    public BuilderConnection resolve(Optional<String> explicitAddress) throws IOException, InterruptedException {
        Optional<String> configured = configuredAddress(explicitAddress);
        if (configured.isPresent()) {
            return BuilderConnection.of(configured.get());
        }
        BuilderConnection system = BuilderConnection.of("unix://" + defaultSocket);
        if (Files.exists(defaultSocket) && EmbeddedBuilder.BuilderProbe.answers(new BuildctlDriver(system), embedded.runner())) {
            return system;
        }
        if (embedded.isRunning()) {
            // Trust a live process with a socket; a dead one is reported precisely by the build itself.
            return embedded.connection();
        }
        return embedded.start();
    }
}
