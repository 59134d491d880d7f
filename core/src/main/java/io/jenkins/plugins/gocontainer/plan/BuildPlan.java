package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A checked, fully resolved build: everything a driver needs to produce a command, and nothing
 * secret (secrets and SSH sources are file and socket paths). Immutable; two equal requests make
 * equal plans, so plans can be compared in tests and printed by {@code --dry-run}.
 */
public record BuildPlan(
    Path contextDirectory,
    DockerfileSource dockerfile,
    Optional<GoModule> module,
    Optional<String> target,
    Map<String, String> buildArgs,
    List<Platform> platforms,
    Map<String, String> labels,
    List<NamedContext> namedContexts,
    List<SecretMount> secrets,
    List<SshMount> sshMounts,
    List<HostMapping> hostMappings,
    ImageOutput output,
    boolean noCache,
    List<LayerCacheExchange> layerCaches,
    List<String> notes) {

    public BuildPlan {
        buildArgs = Collections.unmodifiableSortedMap(new TreeMap<>(buildArgs));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        platforms = List.copyOf(platforms);
        namedContexts = List.copyOf(namedContexts);
        secrets = List.copyOf(secrets);
        sshMounts = List.copyOf(sshMounts);
        hostMappings = List.copyOf(hostMappings);
        layerCaches = List.copyOf(layerCaches);
        notes = List.copyOf(notes);
    }

    /** A plan with nothing to tell the user before it is built. */
    public BuildPlan(Path contextDirectory, DockerfileSource dockerfile, Optional<GoModule> module, Optional<String> target,
                     Map<String, String> buildArgs, List<Platform> platforms, Map<String, String> labels, List<NamedContext> namedContexts,
                     List<SecretMount> secrets, List<SshMount> sshMounts, List<HostMapping> hostMappings, ImageOutput output, boolean noCache,
                     List<LayerCacheExchange> layerCaches) {
        this(contextDirectory, dockerfile, module, target, buildArgs, platforms, labels, namedContexts, secrets, sshMounts, hostMappings, output,
            noCache, layerCaches, List.of());
    }

    /**
     * Whether the image's times come from {@code SOURCE_DATE_EPOCH}: the config's creation and
     * history from the build argument, the layers' file times rewritten by the exporter. Two builds
     * of one commit then give one digest, on any builder.
     */
    public boolean reproducible() {
        return buildArgs.containsKey(BuildPlanner.SOURCE_DATE_EPOCH_ARG);
    }

    /** The images the plan's Dockerfile reads; empty when the file cannot be read (any more). */
    public Optional<DockerfileImages> dockerfileImages() {
        try {
            return Optional.of(DockerfileImages.parse(dockerfile.text(), buildArgs, DockerfileImages.platformArgs(platforms)));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The image names a push output publishes; empty for an OCI archive. */
    public List<ImageReference> imageNames() {
        return output instanceof ImageOutput.RegistryPush push ? push.names() : List.of();
    }

    /** The agent directory that seeds the builder's Go build cache and receives it after the build. */
    public Optional<Path> goBuildCache() {
        return namedContexts.stream().filter(c -> c.name().equals(DockerfileGenerator.BUILD_CACHE_CONTEXT) && c.isLocal())
            .map(NamedContext::directory).findFirst();
    }

    /**
     * The plan that copies the Go build cache out of the builder into {@code directory}: the same
     * build, targeting the export stage for the first platform (whose compile filled the cache last
     * time), with nothing pushed and no layer cache exported.
     */
    public BuildPlan goBuildCacheExport(Path directory, String exportId) {
        Map<String, String> args = new TreeMap<>(buildArgs);
        args.put(DockerfileGenerator.EXPORT_ID_ARG, exportId);
        return new BuildPlan(contextDirectory, dockerfile, module, Optional.of(DockerfileGenerator.BUILD_CACHE_EXPORT_TARGET), args,
            platforms.isEmpty() ? List.of() : List.of(platforms.get(0)), labels, namedContexts, secrets, sshMounts, hostMappings,
            new ImageOutput.LocalDirectory(directory), false, List.of(), notes);
    }

    /** This plan with other named contexts: the same sources, handed to BuildKit another way. */
    public BuildPlan withNamedContexts(List<NamedContext> contexts) {
        return new BuildPlan(contextDirectory, dockerfile, module, target, buildArgs, platforms, labels, contexts, secrets, sshMounts,
            hostMappings, output, noCache, layerCaches, notes);
    }

    /**
     * This plan with everything it writes on the local disk (each local layer cache, an OCI
     * archive) staged in a place of its own for the build {@code buildId}, to be moved into place
     * only when the build succeeds.
     */
    public BuildPlan stagedFor(String buildId) {
        List<LayerCacheExchange> staged = layerCaches.stream()
            .map(cache -> cache instanceof LayerCacheExchange.Local local ? local.stagedFor(buildId) : cache)
            .toList();
        ImageOutput stagedOutput = output instanceof ImageOutput.OciArchive archive ? archive.stagedFor(buildId) : output;
        return new BuildPlan(contextDirectory, dockerfile, module, target, buildArgs, platforms, labels, namedContexts, secrets, sshMounts,
            hostMappings, stagedOutput, noCache, staged, notes);
    }

    /** A human description, one item per line. Holds no secret values, only their ids and sources. */
    public String describe() {
        StringBuilder text = new StringBuilder("Build plan\n");
        row(text, "context", contextDirectory.toString());
        row(text, "dockerfile", dockerfile.describe());
        module.ifPresent(m -> row(text, "module", m.modulePath() + " (go " + m.goVersion() + ")"));
        target.ifPresent(t -> row(text, "target", t));
        row(text, "platforms", platforms.isEmpty() ? "builder default" : platforms.stream().map(Platform::toString).collect(Collectors.joining(", ")));
        if (!buildArgs.isEmpty()) {
            row(text, "build args", pairs(buildArgs));
        }
        if (dockerfile instanceof DockerfileSource.Generated generated && !generated.stamps().reported().isEmpty()) {
            row(text, "stamped", String.join(", ", generated.stamps().reported()));
        }
        if (!labels.isEmpty()) {
            row(text, "labels", pairs(labels));
        }
        for (NamedContext context : namedContexts) {
            row(text, "base image", context.name() + " <- " + (context.isLocal() ? context.directory() + " (local root filesystem)" : context.imageReference()));
        }
        for (SecretMount secret : secrets) {
            row(text, "secret", secret.id() + " <- file " + secret.file());
        }
        for (SshMount ssh : sshMounts) {
            row(text, "ssh", ssh.id() + " <- " + ssh.sources().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (!hostMappings.isEmpty()) {
            row(text, "hosts", hostMappings.stream().map(HostMapping::toString).collect(Collectors.joining(", ")));
        }
        if (output instanceof ImageOutput.RegistryPush push) {
            row(text, "push", push.names().stream().map(ImageReference::toString).collect(Collectors.joining(", "))
                + (push.insecure() ? " (plain HTTP / unverified TLS)" : ""));
        } else if (output instanceof ImageOutput.OciArchive archive) {
            row(text, "output", "OCI image layout archive " + archive.file());
        }
        if (noCache) {
            row(text, "cache", "disabled (--no-cache)");
        }
        goBuildCache().ifPresent(directory -> row(text, "go cache", "build cache seeded from and saved to " + directory));
        for (LayerCacheExchange cache : layerCaches) {
            row(text, "layer cache", cache.importSpec().map(spec -> "from " + spec + ", ").orElse("nothing to import yet, ") + "to " + cache.exportSpec());
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String key, String value) {
        text.append(String.format("  %-11s %s%n", key + ":", value));
    }

    private static String pairs(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
