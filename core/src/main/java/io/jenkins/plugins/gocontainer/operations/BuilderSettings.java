package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.buildkit.BuildDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.buildkit.BuilderResolver;
import io.jenkins.plugins.gocontainer.buildkit.BuildxDriver;
import io.jenkins.plugins.gocontainer.buildkit.EmbeddedBuilder;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * Which BuildKit client a build uses and how it reaches its builder.
 *
 * @param address        buildkitd address; empty: {@code BUILDKIT_HOST}, the system socket, else the embedded builder
 * @param tlsCaCert      CA certificate of a tcp:// builder, relative to the workspace
 * @param stateDirectory the embedded builder's state; empty: from the environment ({@code GOCB_STATE_DIR}, ...)
 */
public record BuilderSettings(String address, String tlsCaCert, String tlsCert, String tlsKey, String tlsServerName, Driver driver,
                              String buildxBuilder, String stateDirectory) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The BuildKit client. */
    public enum Driver { BUILDCTL, BUILDX }

    public BuilderSettings {
        driver = driver == null ? Driver.BUILDCTL : driver;
        if (driver == Driver.BUILDX) {
            Stream.of(Map.entry("address", Optional.ofNullable(address)), Map.entry("tlsCaCert", Optional.ofNullable(tlsCaCert)),
                    Map.entry("tlsCert", Optional.ofNullable(tlsCert)), Map.entry("tlsKey", Optional.ofNullable(tlsKey)),
                    Map.entry("tlsServerName", Optional.ofNullable(tlsServerName)))
                .filter(entry -> entry.getValue().isPresent())
                .findFirst()
                .ifPresent(entry -> {
                    throw new InvalidBuildRequestException(setting(entry.getKey()) + " does not apply to the buildx driver",
                        "buildx reaches its builder through the builder's own configuration",
                        "create the builder once: docker buildx create --name NAME --driver remote tcp://host:1234, then pass "
                            + setting("buildxBuilder") + " NAME and drop " + setting(entry.getKey()));
                });
        } else if (buildxBuilder != null) {
            throw new InvalidBuildRequestException(setting("buildxBuilder") + " applies to the buildx driver only",
                "the buildctl driver talks to buildkitd directly", "add " + setting("driver") + " buildx, or drop " + setting("buildxBuilder"));
        }
        boolean anyTls = Stream.of(tlsCaCert, tlsCert, tlsKey).anyMatch(value -> value != null);
        if (anyTls && Stream.of(tlsCaCert, tlsCert, tlsKey).anyMatch(value -> value == null)) {
            throw new InvalidBuildRequestException("incomplete mutual-TLS settings",
                "a tcp:// builder with TLS needs the CA certificate, the client certificate and the client key",
                "give all three: " + setting("tlsCaCert") + ", " + setting("tlsCert") + " and " + setting("tlsKey"));
        }
        if (tlsServerName != null && !anyTls) {
            throw new InvalidBuildRequestException(setting("tlsServerName") + " was given without the TLS certificates",
                "the server name is checked in the builder's certificate, which needs mutual TLS",
                "add " + setting("tlsCaCert") + ", " + setting("tlsCert") + " and " + setting("tlsKey") + ", or drop " + setting("tlsServerName"));
        }
    }

    public static BuilderSettings defaults() {
        return new BuilderSettings(null, null, null, null, null, Driver.BUILDCTL, null, null);
    }

    EmbeddedBuilder embeddedBuilder(OperationContext context) {
        Path state = stateDirectory != null ? context.resolve(stateDirectory) : EmbeddedBuilder.defaultStateDirectory(context.environment());
        return new EmbeddedBuilder(state, context.runner()).withLog(context.log());
    }

    /** The driver, starting the embedded builder when nothing else is configured. */
    BuildDriver driver(OperationContext context) throws IOException, InterruptedException {
        if (driver == Driver.BUILDX) {
            return buildx();
        }
        BuilderConnection connection = new BuilderResolver(context.environment(), embeddedBuilder(context)).resolve(Optional.ofNullable(address));
        return new BuildctlDriver(withTls(connection, context));
    }

    /** How to start the builder again when it stopped mid-build: only for the embedded builder, which nobody else restarts. */
    Optional<ImageBuilder.BuilderRestart> restart(BuildDriver resolved, OperationContext context) {
        EmbeddedBuilder embedded = embeddedBuilder(context);
        if (resolved instanceof BuildctlDriver buildctl && buildctl.connection().address().equals(embedded.connection().address())) {
            return Optional.of(() -> embedded.start());
        }
        return Optional.empty();
    }

    /** The driver for a dry run: describes the embedded builder without starting it. */
    BuildDriver driverWithoutStarting(OperationContext context) {
        if (driver == Driver.BUILDX) {
            return buildx();
        }
        BuilderResolver resolver = new BuilderResolver(context.environment(), embeddedBuilder(context));
        BuilderConnection connection = resolver.configuredAddress(Optional.ofNullable(address))
            .map(BuilderConnection::of)
            .orElseGet(() -> embeddedBuilder(context).connection());
        return new BuildctlDriver(withTls(connection, context));
    }

    private BuildDriver buildx() {
        return new BuildxDriver(List.of("docker", "buildx"), buildxBuilder, Map.of());
    }

    private BuilderConnection withTls(BuilderConnection connection, OperationContext context) {
        if (tlsCaCert == null) {
            return connection;
        }
        return connection.withTls(new BuilderConnection.Tls(context.resolve(tlsCaCert), context.resolve(tlsCert), context.resolve(tlsKey), tlsServerName));
    }
}
