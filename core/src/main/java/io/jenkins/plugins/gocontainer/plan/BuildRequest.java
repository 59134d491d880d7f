package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user asked for, as given: the input of {@link BuildPlanner}. Immutable; made with
 * {@link #builder(Path)}. Nothing here is checked against the file system yet: that is the
 * planner's job, so that every problem is reported with its fix before anything runs.
 */
public final class BuildRequest {

    public static final String DEFAULT_VERSION = "dev";

    private final Path contextDirectory;
    private final Path dockerfile;
    private final String mainPackage;
    private final String target;
    private final Map<String, String> buildArgs;
    private final List<String> platforms;
    private final Map<String, String> labels;
    private final List<NamedContext> namedContexts;
    private final List<NamedContext> defaultNamedContexts;
    private final List<SecretMount> secrets;
    private final List<SshMount> sshMounts;
    private final List<HostMapping> hostMappings;
    private final List<LayerCache> layerCaches;
    private final ModuleSource moduleSource;
    private final Path goBuildCache;
    private final List<String> images;
    private final Path ociArchive;
    private final Set<String> insecureRegistries;
    private final String version;
    private final boolean versionGiven;
    private final List<LdflagsVar> ldflagsVars;
    private final BuildFacts buildFacts;
    private final boolean noCache;
    private final boolean generatedDockerfile;
    private final Instant sourceDateEpoch;

    private BuildRequest(Builder builder) {
        this.contextDirectory = builder.contextDirectory;
        this.dockerfile = builder.dockerfile;
        this.mainPackage = builder.mainPackage;
        this.target = builder.target;
        this.buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(builder.buildArgs));
        this.platforms = List.copyOf(builder.platforms);
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(builder.labels));
        this.namedContexts = List.copyOf(builder.namedContexts);
        this.defaultNamedContexts = List.copyOf(builder.defaultNamedContexts);
        this.secrets = List.copyOf(builder.secrets);
        this.sshMounts = List.copyOf(builder.sshMounts);
        this.hostMappings = List.copyOf(builder.hostMappings);
        this.layerCaches = List.copyOf(builder.layerCaches);
        this.moduleSource = builder.moduleSource;
        this.goBuildCache = builder.goBuildCache;
        this.images = List.copyOf(builder.images);
        this.ociArchive = builder.ociArchive;
        this.insecureRegistries = Set.copyOf(builder.insecureRegistries);
        this.version = builder.version == null ? DEFAULT_VERSION : builder.version;
        this.versionGiven = builder.version != null;
        this.ldflagsVars = List.copyOf(builder.ldflagsVars);
        this.buildFacts = builder.buildFacts;
        this.noCache = builder.noCache;
        this.generatedDockerfile = builder.generatedDockerfile;
        this.sourceDateEpoch = builder.sourceDateEpoch;
        if (generatedDockerfile && dockerfile != null) {
            throw new IllegalArgumentException("a request builds either the generated Dockerfile or " + dockerfile);
        }
    }

    public static Builder builder(Path contextDirectory) {
        return new Builder(contextDirectory);
    }

    /** A builder holding everything this request holds, to derive a variant of it. */
    public Builder toBuilder() {
        Builder copy = new Builder(contextDirectory)
            .dockerfile(dockerfile)
            .mainPackage(mainPackage)
            .target(target)
            .buildArgs(buildArgs)
            .platforms(platforms)
            .labels(labels)
            .images(images)
            .ociArchive(ociArchive)
            .ldflagsVars(ldflagsVars)
            .buildFacts(buildFacts)
            .noCache(noCache)
            .generatedDockerfile(generatedDockerfile)
            .sourceDateEpoch(sourceDateEpoch);
        copy.version = versionGiven ? version : null;
        namedContexts.forEach(copy::namedContext);
        defaultNamedContexts.forEach(copy::defaultNamedContext);
        secrets.forEach(copy::secret);
        sshMounts.forEach(copy::ssh);
        hostMappings.forEach(copy::addHost);
        layerCaches.forEach(copy::layerCache);
        copy.moduleSource(moduleSource).goBuildCache(goBuildCache);
        insecureRegistries.forEach(copy::insecureRegistry);
        return copy;
    }

    public Path contextDirectory() {
        return contextDirectory;
    }

    /** The Dockerfile the user named; empty means "Dockerfile in the context, or generate one". */
    public Optional<Path> dockerfile() {
        return Optional.ofNullable(dockerfile);
    }

    public String mainPackage() {
        return mainPackage;
    }

    /** The time the image's creation, history and file times are set to, so that a commit always gives one digest. */
    public Optional<Instant> sourceDateEpoch() {
        return Optional.ofNullable(sourceDateEpoch);
    }

    /** Build with the generated Dockerfile although the context has one of its own. */
    public boolean generatedDockerfile() {
        return generatedDockerfile;
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    public List<String> platforms() {
        return platforms;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public List<NamedContext> namedContexts() {
        return namedContexts;
    }

    /** Replacements configured for every build, applied only where the Dockerfile reads their image. */
    public List<NamedContext> defaultNamedContexts() {
        return defaultNamedContexts;
    }

    public List<SecretMount> secrets() {
        return secrets;
    }

    public List<SshMount> sshMounts() {
        return sshMounts;
    }

    public List<HostMapping> hostMappings() {
        return hostMappings;
    }

    public List<LayerCache> layerCaches() {
        return layerCaches;
    }

    public ModuleSource moduleSource() {
        return moduleSource;
    }

    /** The agent directory that seeds (and later receives) the builder's Go build cache. */
    public Optional<Path> goBuildCache() {
        return Optional.ofNullable(goBuildCache);
    }

    public List<String> images() {
        return images;
    }

    public Optional<Path> ociArchive() {
        return Optional.ofNullable(ociArchive);
    }

    public Set<String> insecureRegistries() {
        return insecureRegistries;
    }

    public String version() {
        return version;
    }

    /** A version was set (given, or derived from git), rather than the default {@value #DEFAULT_VERSION}. */
    public boolean versionGiven() {
        return versionGiven;
    }

    /** The variables to stamp into the binary besides the detected ones ({@code --ldflags-var}). */
    public List<LdflagsVar> ldflagsVars() {
        return ldflagsVars;
    }

    /** The commit, branch and date that stamped values are made of. */
    public BuildFacts buildFacts() {
        return buildFacts;
    }

    public boolean noCache() {
        return noCache;
    }

    /** Collects a request; insertion order is kept so that plans and argv are deterministic. */
    public static final class Builder {

        private final Path contextDirectory;
        private Path dockerfile;
        private String mainPackage = ".";
        private boolean generatedDockerfile;
        private Instant sourceDateEpoch;
        private String target;
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private final List<String> platforms = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<NamedContext> namedContexts = new ArrayList<>();
        private final List<NamedContext> defaultNamedContexts = new ArrayList<>();
        private final List<SecretMount> secrets = new ArrayList<>();
        private final List<SshMount> sshMounts = new ArrayList<>();
        private final List<HostMapping> hostMappings = new ArrayList<>();
        private final List<LayerCache> layerCaches = new ArrayList<>();
        private ModuleSource moduleSource = ModuleSource.download();
        private Path goBuildCache;
        private final List<String> images = new ArrayList<>();
        private Path ociArchive;
        private final Set<String> insecureRegistries = new LinkedHashSet<>();
        private String version;
        private final List<LdflagsVar> ldflagsVars = new ArrayList<>();
        private BuildFacts buildFacts = BuildFacts.UNKNOWN;
        private boolean noCache;

        private Builder(Path contextDirectory) {
            this.contextDirectory = Objects.requireNonNull(contextDirectory, "contextDirectory");
        }

        public Builder dockerfile(Path value) {
            this.dockerfile = value;
            return this;
        }

        public Builder sourceDateEpoch(Instant value) {
            this.sourceDateEpoch = value;
            return this;
        }

        public Builder generatedDockerfile(boolean value) {
            this.generatedDockerfile = value;
            return this;
        }

        /** The main package for a generated Dockerfile, relative to the module root (default "."). */
        public Builder mainPackage(String value) {
            this.mainPackage = Objects.requireNonNull(value, "mainPackage");
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder buildArg(String name, String value) {
            buildArgs.put(name, value);
            return this;
        }

        public Builder buildArgs(Map<String, String> values) {
            buildArgs.putAll(values);
            return this;
        }

        public Builder platform(String value) {
            platforms.add(value);
            return this;
        }

        public Builder platforms(List<String> values) {
            platforms.addAll(values);
            return this;
        }

        public Builder label(String name, String value) {
            labels.put(name, value);
            return this;
        }

        public Builder labels(Map<String, String> values) {
            labels.putAll(values);
            return this;
        }

        public Builder namedContext(NamedContext value) {
            namedContexts.add(value);
            return this;
        }

        public Builder defaultNamedContext(NamedContext value) {
            defaultNamedContexts.add(value);
            return this;
        }

        public Builder secret(SecretMount value) {
            secrets.add(value);
            return this;
        }

        public Builder ssh(SshMount value) {
            sshMounts.add(value);
            return this;
        }

        public Builder moduleSource(ModuleSource value) {
            this.moduleSource = Objects.requireNonNull(value, "moduleSource");
            return this;
        }

        public Builder goBuildCache(Path directory) {
            this.goBuildCache = directory;
            return this;
        }

        public Builder layerCache(LayerCache value) {
            layerCaches.add(value);
            return this;
        }

        public Builder addHost(HostMapping value) {
            hostMappings.add(value);
            return this;
        }

        /**
         * The credentials of a build: its secret files, SSH forwarding and GOPRIVATE-family build
         * args. The session must stay open until the build has finished.
         */
        public Builder privateModules(PrivateModuleSession session) {
            session.secretFiles().forEach((id, file) -> secret(new SecretMount(id, file)));
            session.sshSource().ifPresent(source -> ssh(new SshMount(SshMount.DEFAULT_ID, List.of(source))));
            return buildArgs(session.goBuildArgs());
        }

        /** Labels that apply unless the request already sets the same key. */
        public Builder defaultLabels(Map<String, String> values) {
            values.forEach(labels::putIfAbsent);
            return this;
        }

        /** Replaces every image name given so far. */
        public Builder replaceImages(List<String> references) {
            images.clear();
            images.addAll(references);
            return this;
        }

        public Builder image(String reference) {
            images.add(reference);
            return this;
        }

        public Builder images(List<String> references) {
            images.addAll(references);
            return this;
        }

        public Builder ociArchive(Path value) {
            this.ociArchive = value;
            return this;
        }

        public Builder insecureRegistry(String hostAndPort) {
            insecureRegistries.add(hostAndPort);
            return this;
        }

        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        public Builder ldflagsVar(LdflagsVar value) {
            ldflagsVars.add(Objects.requireNonNull(value, "ldflagsVar"));
            return this;
        }

        public Builder ldflagsVars(List<LdflagsVar> values) {
            values.forEach(this::ldflagsVar);
            return this;
        }

        public Builder buildFacts(BuildFacts value) {
            this.buildFacts = Objects.requireNonNull(value, "buildFacts");
            return this;
        }

        public Builder noCache(boolean value) {
            this.noCache = value;
            return this;
        }

        public BuildRequest build() {
            return new BuildRequest(this);
        }
    }
}
