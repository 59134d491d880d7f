package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.buildkit.BuildDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.buildkit.BuilderResolver;
import io.jenkins.plugins.gocontainer.buildkit.BuildxDriver;
import io.jenkins.plugins.gocontainer.buildkit.EmbeddedBuilder;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Which BuildKit client to use and how it reaches its builder. Shared by the commands that build. */
final class BuilderOptions {

    enum Driver { buildctl, buildx }

    @Option(names = "--addr", paramLabel = "URL",
        description = "buildkitd address (default: $BUILDKIT_HOST, a builder at unix:///run/buildkit/buildkitd.sock, else gocb's own embedded builder)")
    String address;

    @Option(names = "--tls-ca-cert", paramLabel = "FILE", description = "CA certificate of a tcp:// builder (mutual TLS)")
    Path tlsCaCert;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "client certificate for a tcp:// builder")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "client key for a tcp:// builder")
    Path tlsKey;

    @Option(names = "--tls-server-name", paramLabel = "NAME", description = "server name expected in the builder's certificate")
    String tlsServerName;

    @Option(names = "--driver", paramLabel = "CLIENT",
        description = "BuildKit client: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Driver driver = Driver.buildctl;

    @Option(names = "--buildx-builder", paramLabel = "NAME", description = "buildx builder to use with --driver buildx (default: buildx's current builder)")
    String buildxBuilder;

    @Option(names = "--state-dir", paramLabel = "DIR", hidden = true, description = "state directory of the embedded builder")
    Path stateDirectory;

    EmbeddedBuilder embeddedBuilder() {
        return new EmbeddedBuilder(stateDirectory != null ? stateDirectory.toAbsolutePath() : EmbeddedBuilder.defaultStateDirectory(System.getenv()), new io.jenkins.plugins.gocontainer.exec.CommandRunner(io.jenkins.plugins.gocontainer.exec.SecretMasker.none(), System.getenv()));
    }

    /** The driver, starting the embedded builder when nothing else is configured. */
    BuildDriver driver(Map<String, String> environment) throws IOException, InterruptedException {
        if (driver == Driver.buildx) {
            return buildx();
        }
        BuilderConnection connection = new BuilderResolver(environment, embeddedBuilder()).resolve(Optional.ofNullable(address));
        return new BuildctlDriver(withTls(connection));
    }

    /** The driver for a dry run: describes the embedded builder without starting it. */
    BuildDriver driverWithoutStarting(Map<String, String> environment) {
        if (driver == Driver.buildx) {
            return buildx();
        }
        BuilderResolver resolver = new BuilderResolver(environment, embeddedBuilder());
        BuilderConnection connection = resolver.configuredAddress(Optional.ofNullable(address))
            .map(BuilderConnection::of)
            .orElseGet(() -> embeddedBuilder().connection());
        return new BuildctlDriver(withTls(connection));
    }

    private BuildDriver buildx() {
        if (address != null || tlsCaCert != null) {
            throw new InvalidBuildRequestException("--addr and --tls-* do not apply to --driver buildx",
                "buildx reaches its builder through the builder's own configuration",
                "create the builder once: docker buildx create --name NAME --driver remote tcp://host:1234, then pass --buildx-builder NAME");
        }
        return new BuildxDriver(List.of("docker", "buildx"), buildxBuilder, Map.of());
    }

    private BuilderConnection withTls(BuilderConnection connection) {
        if (Stream.of(tlsCaCert, tlsCert, tlsKey).allMatch(p -> p == null)) {
            return connection;
        }
        if (Stream.of(tlsCaCert, tlsCert, tlsKey).anyMatch(p -> p == null)) {
            throw new InvalidBuildRequestException("incomplete mutual-TLS options",
                "a tcp:// builder with TLS needs the CA certificate, the client certificate and the client key",
                "pass all three: --tls-ca-cert, --tls-cert and --tls-key");
        }
        return connection.withTls(new BuilderConnection.Tls(tlsCaCert.toAbsolutePath(), tlsCert.toAbsolutePath(), tlsKey.toAbsolutePath(), tlsServerName));
    }
}
