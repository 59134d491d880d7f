package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.LayerCacheExchange;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.SecretMount;
import io.jenkins.plugins.gocontainer.plan.SshMount;

import io.jenkins.plugins.gocontainer.exec.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds with {@code docker buildx build} on a named builder, for agents where buildx is the
 * supported client (for example a {@code remote}-driver builder pointed at a shared buildkitd).
 *
 * <p>Provenance and SBOM attestations are switched off so that both drivers push the same kind of
 * artifact (a plain image manifest) and report comparable digests.
 */
public final class BuildxDriver implements BuildDriver {

    private final List<String> program;
    private final String builder;
    private final Map<String, String> environment;

    /**
     * @param program     the client, {@code ["docker", "buildx"]} or a standalone {@code ["buildx"]}
     * @param builder     the buildx builder name, or null for buildx's current builder
     * @param environment extra environment, such as {@code BUILDX_CONFIG}
     */
    public BuildxDriver(List<String> program, String builder, Map<String, String> environment) {
        this.program = List.copyOf(program);
        this.builder = builder;
        this.environment = Map.copyOf(Objects.requireNonNullElse(environment, Map.of()));
    }

    @Override
    public String name() {
        return "buildx";
    }

    @Override
    public String builderDescription() {
        return "buildx builder " + (builder == null ? "(current)" : "'" + builder + "'");
    }

    @Override
    public Command probeCommand() {
        List<String> argv = new ArrayList<>(program);
        argv.add("inspect");
        if (builder != null) {
            argv.add(builder);
        }
        argv.add("--bootstrap");
        return new Command(argv, environment, null);
    }

    @Override
    public Command buildCommand(BuildPlan plan, BuildFiles files) {
        List<String> argv = new ArrayList<>(program);
        argv.add("build");
        if (builder != null) {
            argv.addAll(List.of("--builder", builder));
        }
        argv.addAll(List.of("--file", files.dockerfile().toString()));
        plan.target().ifPresent(target -> argv.addAll(List.of("--target", target)));
        for (Map.Entry<String, String> arg : plan.buildArgs().entrySet()) {
            argv.addAll(List.of("--build-arg", arg.getKey() + "=" + arg.getValue()));
        }
        if (!plan.platforms().isEmpty()) {
            argv.addAll(List.of("--platform", plan.platforms().stream().map(Platform::toString).collect(Collectors.joining(","))));
        }
        for (Map.Entry<String, String> label : plan.labels().entrySet()) {
            argv.addAll(List.of("--label", label.getKey() + "=" + label.getValue()));
        }
        for (NamedContext context : plan.namedContexts()) {
            String source = context.isLocal() ? context.directory().toString()
                : context.layoutStoreId().isPresent() ? "oci-layout://" + context.layoutDirectory() + "@" + context.layoutDigest()
                : context.imageReference();
            argv.addAll(List.of("--build-context", context.name() + "=" + source));
        }
        for (SecretMount secret : plan.secrets()) {
            argv.addAll(List.of("--secret", "id=" + secret.id() + ",src=" + secret.file()));
        }
        for (SshMount ssh : plan.sshMounts()) {
            argv.addAll(List.of("--ssh", ssh.id() + BuildctlDriver.sources(ssh)));
        }
        for (HostMapping host : plan.hostMappings()) {
            argv.addAll(List.of("--add-host", host.host() + "=" + host.address()));
        }
        for (LayerCacheExchange cache : plan.layerCaches()) {
            cache.importSpec().ifPresent(spec -> argv.addAll(List.of("--cache-from", spec)));
            argv.addAll(List.of("--cache-to", cache.exportSpec()));
        }
        if (plan.noCache()) {
            argv.add("--no-cache");
        }
        argv.addAll(List.of("--provenance=false", "--sbom=false",
            "--output", OutputSpec.of(plan),
            "--progress", "plain",
            "--metadata-file", files.metadataFile().toString(),
            plan.contextDirectory().toString()));
        return new Command(argv, environment, null);
    }
}
