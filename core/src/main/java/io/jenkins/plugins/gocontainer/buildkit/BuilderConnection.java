package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a buildkitd: its address ({@code unix://}, {@code tcp://}, ...) and, for remote
 * builders, the mutual-TLS files.
 */
public record BuilderConnection(String address, Optional<Tls> tls) {

    public static final String DEFAULT_ADDRESS = "unix:///run/buildkit/buildkitd.sock";

    /** Client certificate, key and the CA that signed the builder's certificate. */
    public record Tls(Path caCertificate, Path certificate, Path key, String serverName) {
    }

    public BuilderConnection {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tls, "tls");
        if (!address.matches("(unix|tcp|ssh|docker-container|kube-pod|podman-container|nerdctl-container|npipe)://.+")) {
            throw new InvalidBuildRequestException("invalid builder address '" + address + "'",
                "buildctl reaches buildkitd through a URL",
                "use unix:///run/buildkit/buildkitd.sock or tcp://host:1234 (with --tls-* files for a remote builder)");
        }
        if (tls.isPresent() && !address.startsWith("tcp://")) {
            throw new InvalidBuildRequestException("TLS files were given for " + address,
                "mutual TLS applies to tcp:// builders only", "drop the --tls-* options or use a tcp:// address");
        }
    }

    public static BuilderConnection of(String address) {
        return new BuilderConnection(address, Optional.empty());
    }

    public BuilderConnection withTls(Tls files) {
        return new BuilderConnection(address, Optional.of(files));
    }

    /** buildctl's global options for this connection. */
    public List<String> buildctlOptions() {
        List<String> options = new ArrayList<>(List.of("--addr", address));
        tls.ifPresent(files -> {
            options.addAll(List.of("--tlscacert", files.caCertificate().toString(),
                "--tlscert", files.certificate().toString(),
                "--tlskey", files.key().toString()));
            if (files.serverName() != null && !files.serverName().isBlank()) {
                options.addAll(List.of("--tlsservername", files.serverName()));
            }
        });
        return options;
    }

    /** The socket file of a unix:// address. */
    public Optional<Path> socketPath() {
        return address.startsWith("unix://") ? Optional.of(Path.of(address.substring("unix://".length()))) : Optional.empty();
    }

    @Override
    public String toString() {
        return address + tls.map(t -> " (mutual TLS)").orElse("");
    }
}
