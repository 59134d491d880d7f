package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

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

    BuilderSettings settings() {
        return new BuilderSettings(address, text(tlsCaCert), text(tlsCert), text(tlsKey), tlsServerName,
            driver == Driver.buildx ? BuilderSettings.Driver.BUILDX : BuilderSettings.Driver.BUILDCTL, buildxBuilder, text(stateDirectory));
    }

    static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
