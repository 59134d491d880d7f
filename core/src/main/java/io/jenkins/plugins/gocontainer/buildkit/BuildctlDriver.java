package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.LayerCacheExchange;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.SecretMount;
import io.jenkins.plugins.gocontainer.plan.SshMount;

import io.jenkins.plugins.gocontainer.exec.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds with {@code buildctl build --frontend dockerfile.v0}, talking to buildkitd directly. */
public final class BuildctlDriver implements BuildDriver {

    private final String program;
    private final BuilderConnection connection;

    public BuildctlDriver(BuilderConnection connection) {
        this("buildctl", connection);
    }

    public BuildctlDriver(String program, BuilderConnection connection) {
        this.program = program;
        this.connection = connection;
    }

    @Override
    public String name() {
        return "buildctl";
    }

    @Override
    public String builderDescription() {
        return "buildkitd at " + connection;
    }

    public BuilderConnection connection() {
        return connection;
    }

    @Override
    public Command probeCommand() {
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(connection.buildctlOptions());
        argv.addAll(List.of("debug", "workers"));
        return Command.of(argv);
    }

    @Override
    public Command buildCommand(BuildPlan plan, BuildFiles files) {
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(connection.buildctlOptions());
        argv.addAll(List.of("build", "--frontend", "dockerfile.v0",
            "--local", "context=" + plan.contextDirectory(),
            "--local", "dockerfile=" + files.dockerfileDirectory(),
            "--opt", "filename=" + files.dockerfileName()));
        plan.target().ifPresent(target -> argv.addAll(List.of("--opt", "target=" + target)));
        for (Map.Entry<String, String> arg : plan.buildArgs().entrySet()) {
            argv.addAll(List.of("--opt", "build-arg:" + arg.getKey() + "=" + arg.getValue()));
        }
        if (!plan.platforms().isEmpty()) {
            argv.addAll(List.of("--opt", "platform=" + plan.platforms().stream().map(Platform::toString).collect(Collectors.joining(","))));
        }
        for (Map.Entry<String, String> label : plan.labels().entrySet()) {
            argv.addAll(List.of("--opt", "label:" + label.getKey() + "=" + label.getValue()));
        }
        for (NamedContext context : plan.namedContexts()) {
            if (context.isLocal()) {
                argv.addAll(List.of("--opt", "context:" + context.name() + "=local:" + context.localName(),
                    "--local", context.localName() + "=" + context.directory()));
            } else if (context.layoutStoreId().isPresent()) {
                argv.addAll(List.of("--opt", "context:" + context.name() + "=" + context.imageReference(),
                    "--oci-layout", context.layoutStoreId().get() + "=" + context.layoutDirectory()));
            } else {
                argv.addAll(List.of("--opt", "context:" + context.name() + "=" + context.imageReference()));
            }
        }
        for (SecretMount secret : plan.secrets()) {
            argv.addAll(List.of("--secret", "id=" + secret.id() + ",src=" + secret.file()));
        }
        for (SshMount ssh : plan.sshMounts()) {
            argv.addAll(List.of("--ssh", ssh.id() + sources(ssh)));
        }
        if (!plan.hostMappings().isEmpty()) {
            argv.addAll(List.of("--opt", "add-hosts=" + plan.hostMappings().stream().map(HostMapping::toString).collect(Collectors.joining(","))));
        }
        for (LayerCacheExchange cache : plan.layerCaches()) {
            cache.importSpec().ifPresent(spec -> argv.addAll(List.of("--import-cache", spec)));
            argv.addAll(List.of("--export-cache", cache.exportSpec()));
        }
        if (plan.noCache()) {
            argv.add("--no-cache");
        }
        argv.addAll(List.of("--output", OutputSpec.of(plan),
            "--progress", "plain",
            "--metadata-file", files.metadataFile().toString()));
        return Command.of(argv);
    }

    static String sources(SshMount ssh) {
        return ssh.sources().isEmpty() ? "" : "=" + ssh.sources().stream().map(Path::toString).collect(Collectors.joining(","));
    }
}
