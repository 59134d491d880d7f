package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.LayerCache;
import io.jenkins.plugins.gocontainer.plan.LdflagsVar;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Optional;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * What {@link GoDockerBuild} is asked to build: every setting of {@code gocb build} and of the
 * {@code goDockerBuild} step, under the step's parameter names. Immutable and serializable (a
 * plugin sends it to the agent); holds no secret value, only the names of secrets. Paths are
 * relative to the operation's workspace unless absolute. Made with {@link #builder()}, which
 * refuses a bad value with its fix before anything runs.
 */
public record GoDockerBuildSpec(
    String context,
    String dockerfile,
    String mainPackage,
    List<ImageReference> images,
    String ociArchive,
    String appVersion,
    List<String> ldflagsVars,
    String target,
    Map<String, String> buildArgs,
    List<Platform> platforms,
    Map<String, String> labels,
    List<String> baseImages,
    List<String> defaultBaseImages,
    Map<String, String> buildSecrets,
    Map<String, List<String>> ssh,
    List<HostMapping> addHosts,
    List<String> insecureRegistries,
    List<String> caches,
    String moduleCache,
    boolean vendored,
    boolean noCache,
    String goBuildCache,
    String cacheStore,
    String metadataFile,
    String registryUser,
    String registryPasswordSecret,
    PrivateModuleSettings privateModules,
    BuilderSettings buildkit,
    TagPolicySettings tagPolicy,
    GateSettings gates,
    BuildEngine engine) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_VERSION = "dev";
    /** The {@code dockerfile} value that builds with the generated Dockerfile although the context has its own. */
    public static final String GENERATED_DOCKERFILE = "generated";

    /** Whether the build uses the generated Dockerfile whatever the context holds ({@code dockerfile: 'generated'}). */
    public boolean generatedDockerfile() {
        return GENERATED_DOCKERFILE.equals(dockerfile);
    }

    public GoDockerBuildSpec {
        context = context == null || context.isBlank() ? "." : context;
        mainPackage = mainPackage == null || mainPackage.isBlank() ? "." : mainPackage;
        images = List.copyOf(images);
        ldflagsVars = List.copyOf(ldflagsVars);
        LdflagsVar.parseAll(ldflagsVars); // a malformed one is refused here, before anything runs
        buildArgs = ordered(buildArgs);
        platforms = List.copyOf(platforms);
        labels = ordered(labels);
        baseImages = List.copyOf(baseImages);
        defaultBaseImages = List.copyOf(defaultBaseImages);
        buildSecrets = ordered(buildSecrets);
        Map<String, List<String>> sshCopy = new LinkedHashMap<>();
        ssh.forEach((id, sources) -> sshCopy.put(id, List.copyOf(sources)));
        ssh = Collections.unmodifiableMap(sshCopy);
        addHosts = List.copyOf(addHosts);
        insecureRegistries = List.copyOf(insecureRegistries);
        caches = List.copyOf(caches);
        privateModules = privateModules == null ? PrivateModuleSettings.none() : privateModules;
        buildkit = buildkit == null ? BuilderSettings.defaults() : buildkit;
        tagPolicy = tagPolicy == null ? TagPolicySettings.defaults() : tagPolicy;
        gates = gates == null ? GateSettings.none() : gates;
        engine = engine == null ? BuildEngine.BUILDKIT : engine;
        if (engine == BuildEngine.GO) {
            requireGoEngineOptions(dockerfile, target, buildArgs, baseImages, buildSecrets, ssh, addHosts, caches, noCache, metadataFile, buildkit);
        }
        validate(images, Stream.concat(baseImages.stream(), defaultBaseImages.stream()).toList(), caches, moduleCache, vendored, gates, ociArchive);
        if ((registryUser == null) != (registryPasswordSecret == null)) {
            throw new InvalidBuildRequestException(setting("registryUser") + " and " + setting("registryPasswordSecret") + " go together",
                "a registry login needs both", "give both, or neither to push with the Docker config");
        }
        if (registryUser != null && images.isEmpty()) {
            throw new InvalidBuildRequestException(setting("registryUser") + " was given, but nothing is pushed",
                "the login is used to push " + setting("images"), "add " + setting("images") + ", or drop " + setting("registryUser"));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The repository to tag from git: {@code images} names a single repository without tag or digest. */
    public Optional<ImageReference> taggedRepository() {
        return images.stream().filter(GoDockerBuildSpec::untagged).findFirst();
    }

    private static boolean untagged(ImageReference reference) {
        return reference.tag() == null && reference.digest() == null;
    }

    private static void validate(List<ImageReference> images, List<String> baseImages, List<String> caches, String moduleCache, boolean vendored,
                                 GateSettings gates, String ociArchive) {
        Optional<ImageReference> untagged = images.stream().filter(GoDockerBuildSpec::untagged).findFirst();
        if (untagged.isPresent() && images.size() > 1) {
            throw new InvalidBuildRequestException(setting("images") + " " + untagged.get() + " has no tag, and other names were given",
                "a name without tag means 'tags from git and the tag policy', which applies to exactly one repository",
                "give one repository, then copy tags elsewhere with push-tags; or give every name a tag");
        }
        if (!gates.isEmpty() && !images.isEmpty() && untagged.isEmpty()) {
            throw new InvalidBuildRequestException("quality gates need a repository without tag, or an OCI archive",
                "gates decide which tags an image gets; with explicit names every tag would be pushed before the gates are judged",
                "give " + setting("images") + " REPO (the candidate sha- tag is pushed, the other tags only when the gates pass),"
                    + " or judge afterwards with gocb gate");
        }
        if (gates.sizeBaseline() != null && images.isEmpty()) {
            throw new InvalidBuildRequestException(setting("sizeBaseline") + " needs a pushed build", "the baseline image is read from a registry",
                "give " + setting("images") + " REPO, or drop " + setting("sizeBaseline"));
        }
        if (moduleCache != null && vendored) {
            throw new InvalidBuildRequestException("both " + setting("moduleCache") + " and " + setting("vendored") + " were given",
                "modules come either from vendor/ in the context or from a module cache", "keep one of them");
        }
        if (ociArchive != null && !images.isEmpty()) {
            throw new InvalidBuildRequestException("both " + setting("images") + " and " + setting("ociArchive") + " were given",
                "a build either pushes to a registry or writes an OCI archive", "keep one of them");
        }
        for (String baseImage : baseImages) {
            int eq = baseImage.lastIndexOf('=');
            if (eq <= 0 || eq == baseImage.length() - 1) {
                throw new InvalidBuildRequestException("invalid " + setting("baseImages") + " '" + baseImage + "'",
                    "an override maps the image name used in FROM to a replacement",
                    "write NAME=DIRECTORY (a root filesystem) or NAME=docker-image://REFERENCE, e.g. golang:1.26=/srv/rootfs/golang");
            }
        }
        caches.forEach(cache -> LayerCache.parse(cache, Path.of("/")));
    }

    /**
     * The options that only mean something to BuildKit, refused with the go engine rather than ignored: it reads no Dockerfile,
     * runs no RUN step and keeps no layer cache.
     */
    private static void requireGoEngineOptions(String dockerfile, String target, Map<String, String> buildArgs, List<String> baseImages,
                                               Map<String, String> buildSecrets, Map<String, List<String>> ssh, List<HostMapping> addHosts,
                                               List<String> caches, boolean noCache, String metadataFile, BuilderSettings buildkit) {
        List<String> given = new ArrayList<>();
        Map<String, Boolean> options = new LinkedHashMap<>();
        options.put("dockerfile", dockerfile != null);
        options.put("target", target != null);
        options.put("buildArgs", !buildArgs.isEmpty());
        options.put("baseImages", !baseImages.isEmpty());
        options.put("buildSecrets", !buildSecrets.isEmpty());
        options.put("ssh", !ssh.isEmpty());
        options.put("addHosts", !addHosts.isEmpty());
        options.put("caches", !caches.isEmpty());
        options.put("noCache", noCache);
        options.put("metadataFile", metadataFile != null);
        options.put("address", buildkit.address() != null);
        options.put("tlsCaCert", buildkit.tlsCaCert() != null);
        options.put("driver", buildkit.driver() != BuilderSettings.Driver.BUILDCTL);
        options.put("buildxBuilder", buildkit.buildxBuilder() != null);
        options.forEach((name, isGiven) -> {
            if (isGiven) {
                given.add(setting(name));
            }
        });
        if (!given.isEmpty()) {
            throw new InvalidBuildRequestException(String.join(", ", given) + (given.size() == 1 ? " does" : " do") + " not apply to "
                    + setting("engine") + " go",
                "the go engine compiles on the agent and writes the image itself: it reads no Dockerfile, runs no build step and talks"
                    + " to no builder, so these options would be ignored",
                "drop " + String.join(", ", given) + ", or build with BuildKit (leave " + setting("engine") + " out)");
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Collects a specification; every setter takes the value as a step parameter would give it. */
    public static final class Builder {
        private String context = ".";
        private String dockerfile;
        private String mainPackage = ".";
        private final List<ImageReference> images = new ArrayList<>();
        private String ociArchive;
        private String appVersion;
        private final List<String> ldflagsVars = new ArrayList<>();
        private String target;
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private final List<Platform> platforms = new ArrayList<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<String> baseImages = new ArrayList<>();
        private final List<String> defaultBaseImages = new ArrayList<>();
        private final Map<String, String> buildSecrets = new LinkedHashMap<>();
        private final Map<String, List<String>> ssh = new LinkedHashMap<>();
        private final List<HostMapping> addHosts = new ArrayList<>();
        private final List<String> insecureRegistries = new ArrayList<>();
        private final List<String> caches = new ArrayList<>();
        private String moduleCache;
        private boolean vendored;
        private boolean noCache;
        private String goBuildCache;
        private String cacheStore;
        private String metadataFile;
        private String registryUser;
        private String registryPasswordSecret;
        private PrivateModuleSettings privateModules = PrivateModuleSettings.none();
        private BuilderSettings buildkit = BuilderSettings.defaults();
        private TagPolicySettings tagPolicy = TagPolicySettings.defaults();
        private GateSettings gates = GateSettings.none();
        private BuildEngine engine = BuildEngine.BUILDKIT;

        private Builder() {
        }

        public Builder context(String value) {
            context = value;
            return this;
        }

        public Builder dockerfile(String value) {
            dockerfile = value;
            return this;
        }

        public Builder mainPackage(String value) {
            mainPackage = value;
            return this;
        }

        /** A name to push under; a repository without tag gets its tags from git and the tag policy. */
        public Builder image(String reference) {
            images.add(ImageReference.parse(Objects.requireNonNull(reference, "reference")));
            return this;
        }

        public Builder images(List<String> references) {
            references.forEach(this::image);
            return this;
        }

        public Builder ociArchive(String value) {
            ociArchive = value;
            return this;
        }

        /** Stamped into the binary and the VERSION build argument; default: from git for a tagged build, else {@value #DEFAULT_VERSION}. */
        public Builder appVersion(String value) {
            appVersion = value;
            return this;
        }

        /**
         * {@code PKG.NAME=TEMPLATE}: a string variable the generated Dockerfile sets with {@code -ldflags -X}, from
         * the build's facts ({@code {{.Version}}}, {@code {{.Revision}}}, {@code {{.ShortRevision}}}, {@code {{.Branch}}},
         * {@code {{.Date}}}) and literal text.
         */
        public Builder ldflagsVar(String value) {
            ldflagsVars.add(Objects.requireNonNull(value, "ldflagsVar"));
            return this;
        }

        public Builder ldflagsVars(List<String> values) {
            values.forEach(this::ldflagsVar);
            return this;
        }

        public Builder target(String value) {
            target = value;
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

        /** {@code os/arch[/variant]}; several may be given at once, comma-separated. */
        public Builder platform(String value) {
            for (String platform : value.split(",")) {
                if (!platform.isBlank()) {
                    Platform parsed = Platform.parse(platform.strip());
                    if (!platforms.contains(parsed)) {
                        platforms.add(parsed);
                    }
                }
            }
            return this;
        }

        public Builder platforms(List<String> values) {
            values.forEach(this::platform);
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

        /** {@code NAME=DIR} (a root filesystem) or {@code NAME=docker-image://REF} (a mirror). */
        public Builder baseImage(String value) {
            baseImages.add(value);
            return this;
        }

        /**
         * A replacement configured for every build (the Jenkins-wide mirrors): applied where the
         * Dockerfile reads that image, passed over where it does not, unlike {@link #baseImage}.
         */
        public Builder defaultBaseImage(String value) {
            defaultBaseImages.add(value);
            return this;
        }

        /** A BuildKit secret read from {@code file} and mounted as {@code RUN --mount=type=secret,id=ID}. */
        public Builder buildSecret(String id, String file) {
            buildSecrets.put(id, file);
            return this;
        }

        /** BuildKit SSH forwarding under {@code id}: agent sockets or key files; none means {@code SSH_AUTH_SOCK}. */
        public Builder ssh(String id, List<String> sources) {
            ssh.put(id, List.copyOf(sources));
            return this;
        }

        public Builder addHost(String hostEqualsAddress) {
            addHosts.add(HostMapping.parse(hostEqualsAddress));
            return this;
        }

        public Builder insecureRegistry(String hostAndPort) {
            insecureRegistries.add(hostAndPort);
            return this;
        }

        public Builder insecureRegistries(List<String> values) {
            insecureRegistries.addAll(values);
            return this;
        }

        /** BuildKit's layer cache: {@code registry}, {@code registry=REF}, {@code local=DIR} or {@code inline}. */
        public Builder cache(String value) {
            caches.add(value);
            return this;
        }

        public Builder moduleCache(String value) {
            moduleCache = value;
            return this;
        }

        public Builder vendored(boolean value) {
            vendored = value;
            return this;
        }

        public Builder noCache(boolean value) {
            noCache = value;
            return this;
        }

        public Builder goBuildCache(String value) {
            goBuildCache = value;
            return this;
        }

        public Builder cacheStore(String value) {
            cacheStore = value;
            return this;
        }

        public Builder metadataFile(String value) {
            metadataFile = value;
            return this;
        }

        /** Push as {@code user} with the password in the secret {@code passwordSecret}, instead of the Docker config's login. */
        public Builder registryLogin(String user, String passwordSecret) {
            registryUser = user;
            registryPasswordSecret = passwordSecret;
            return this;
        }

        public Builder privateModules(PrivateModuleSettings value) {
            privateModules = Objects.requireNonNull(value, "privateModules");
            return this;
        }

        /** Which BuildKit client, and how it reaches its builder. */
        public Builder buildkit(BuilderSettings value) {
            buildkit = Objects.requireNonNull(value, "buildkit");
            return this;
        }

        public Builder tagPolicy(TagPolicySettings value) {
            tagPolicy = Objects.requireNonNull(value, "tagPolicy");
            return this;
        }

        public Builder gates(GateSettings value) {
            gates = Objects.requireNonNull(value, "gates");
            return this;
        }

        /** {@code buildkit} (the default) or {@code go}. */
        public Builder engine(String value) {
            engine = BuildEngine.parse(value);
            return this;
        }

        public GoDockerBuildSpec build() {
            return new GoDockerBuildSpec(context, dockerfile, mainPackage, images, ociArchive, appVersion, ldflagsVars, target, buildArgs, platforms,
                labels, baseImages, defaultBaseImages, buildSecrets, ssh, addHosts, insecureRegistries, caches, moduleCache, vendored, noCache,
                goBuildCache, cacheStore, metadataFile, registryUser, registryPasswordSecret, privateModules, buildkit, tagPolicy, gates,
                engine);
        }
    }
}
