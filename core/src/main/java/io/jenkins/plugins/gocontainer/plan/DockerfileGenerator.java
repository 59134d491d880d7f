package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.List;
import java.util.Objects;

/**
 * Writes the best-practice Dockerfile for a Go service that has none.
 *
 * <ul>
 *   <li>The builder stage runs on the build platform and cross-compiles ({@code GOOS/GOARCH} from
 *       {@code TARGETOS/TARGETARCH}), so multi-platform images need no emulation.</li>
 *   <li>Modules are downloaded in a step of their own that sees only go.mod and go.sum, into a
 *       cache mount: a source change never downloads modules again.</li>
 *   <li>The compile step mounts the Go build cache, so a one-line change recompiles one package.</li>
 *   <li>The final stage is {@code scratch} with CA certificates, a passwd entry and a non-root user.</li>
 * </ul>
 */
public final class DockerfileGenerator {

    public static final String BUILDER_IMAGE = "golang";
    public static final String NONROOT_UID = "65532";
    public static final String MODULE_CACHE = "/go/pkg/mod";
    public static final String BUILD_CACHE = "/root/.cache/go-build";

    /** The named context that seeds an empty build cache on a fresh builder. */
    public static final String BUILD_CACHE_CONTEXT = "gocb-gobuildcache";
    /** The stage that carries the builder's Go build cache out, for saving it on the agent. */
    public static final String BUILD_CACHE_EXPORT_TARGET = "gocb-go-build-cache";
    /** Changed on every export so that the copy out of the cache mount is never taken from BuildKit's cache. */
    public static final String EXPORT_ID_ARG = "GOCB_EXPORT_ID";

    private static final String MODULE_PROXY_MOUNT = "/gocb/gomodcache";
    private static final String BUILD_CACHE_SEED_MOUNT = "/gocb/gobuildcache";

    /** What the generated Dockerfile does besides compiling: immutable, changed through the {@code with...} methods. */
    private record Settings(ModuleDownloadAccess access, ModuleSource moduleSource, boolean buildCacheTransfer,
                            List<String> localModules, boolean modulesInLayer, List<VersionStamps.Stamp> stamps) {
        Settings {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(moduleSource, "moduleSource");
            localModules = List.copyOf(localModules);
            stamps = List.copyOf(stamps);
        }
    }

    private final GoModule module;
    private final String mainPackage;
    private final boolean hasGoSum;
    private final Settings settings;

    public DockerfileGenerator(GoModule module, String mainPackage, boolean hasGoSum) {
        this(module, normalisePackage(mainPackage), hasGoSum,
            new Settings(ModuleDownloadAccess.none(), ModuleSource.download(), false, List.of(), false, VersionStamps.versionOnly().stamps()));
    }

    private DockerfileGenerator(GoModule module, String mainPackage, boolean hasGoSum, Settings settings) {
        this.module = Objects.requireNonNull(module, "module");
        this.mainPackage = mainPackage;
        this.hasGoSum = hasGoSum;
        this.settings = settings;
    }

    private DockerfileGenerator with(Settings changed) {
        return new DockerfileGenerator(module, mainPackage, hasGoSum, changed);
    }

    /** Credentials and GOPRIVATE-family args for the download step. */
    public DockerfileGenerator withAccess(ModuleDownloadAccess value) {
        return with(new Settings(value, settings.moduleSource(), settings.buildCacheTransfer(), settings.localModules(), settings.modulesInLayer(),
            settings.stamps()));
    }

    public DockerfileGenerator withModuleSource(ModuleSource value) {
        return with(new Settings(settings.access(), value, settings.buildCacheTransfer(), settings.localModules(), settings.modulesInLayer(),
            settings.stamps()));
    }

    /** Seed the build cache from {@value #BUILD_CACHE_CONTEXT} and offer the {@value #BUILD_CACHE_EXPORT_TARGET} stage. */
    public DockerfileGenerator withBuildCacheTransfer(boolean value) {
        return with(new Settings(settings.access(), settings.moduleSource(), value, settings.localModules(), settings.modulesInLayer(),
            settings.stamps()));
    }

    /**
     * Directories inside the context that go.mod's replace directives point at: the download step
     * needs their go.mod files to load the module graph.
     */
    public DockerfileGenerator withLocalModules(List<String> directories) {
        return with(new Settings(settings.access(), settings.moduleSource(), settings.buildCacheTransfer(), directories, settings.modulesInLayer(),
            settings.stamps()));
    }

    /**
     * Keep downloaded modules in the builder stage's layer instead of a cache mount, for builds that
     * export their layer cache: BuildKit never exports cache mounts, so a fresh builder that takes
     * the download step from the exported cache would otherwise compile without its modules.
     */
    public DockerfileGenerator withModulesInLayer(boolean value) {
        return with(new Settings(settings.access(), settings.moduleSource(), settings.buildCacheTransfer(), settings.localModules(), value,
            settings.stamps()));
    }

    /**
     * The variables {@code -ldflags -X} sets, each from its build argument (default: {@code main.version} from
     * {@value VersionStamps#VERSION_ARG}).
     */
    public DockerfileGenerator withStamps(VersionStamps value) {
        return with(new Settings(settings.access(), settings.moduleSource(), settings.buildCacheTransfer(), settings.localModules(),
            settings.modulesInLayer(), value.stamps()));
    }

    public String builderImage() {
        return BUILDER_IMAGE + ":" + module.builderImageTag();
    }

    public String binaryPath() {
        return "/usr/local/bin/" + binaryName();
    }

    private String binaryName() {
        if (mainPackage.equals(".")) {
            return module.binaryName();
        }
        String last = mainPackage.substring(mainPackage.lastIndexOf('/') + 1);
        return last.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    public String generate() {
        return header() + builderStage() + moduleStep() + buildCacheSeedStep() + compileStep() + buildCacheExportStages() + finalStage();
    }

    private String header() {
        return """
            # Generated by go-container-build for %1$s (go %2$s). Adopt it with: gocb dockerfile > Dockerfile
            # Base images come from the registry, or from local root filesystems given as named contexts
            # (gocb build --base-image %3$s=DIR) on agents without registry access.

            """.formatted(module.modulePath(), module.goVersion(), builderImage());
    }

    private String builderStage() {
        return """
            FROM --platform=$BUILDPLATFORM %1$s AS builder
            ENV GOPATH=/go GOMODCACHE=%2$s GOCACHE=%3$s CGO_ENABLED=0
            WORKDIR /src

            """.formatted(builderImage(), MODULE_CACHE, BUILD_CACHE);
    }

    private String moduleStep() {
        StringBuilder mounts = new StringBuilder(hasGoSum ? "    --mount=type=bind,source=go.sum,target=go.sum \\\n" : "");
        for (String directory : settings.localModules()) {
            mounts.append("    --mount=type=bind,source=").append(directory).append("/go.mod,target=").append(directory).append("/go.mod \\\n");
        }
        String goSumMount = mounts.toString();
        if (settings.moduleSource() instanceof ModuleSource.Vendor) {
            return "# Modules come from vendor/ in the context (go build -mod=vendor): nothing is downloaded.\n\n";
        }
        if (settings.moduleSource() instanceof ModuleSource.ProxyDirectory) {
            return """
                # Modules come from the agent's module cache (gocb vendor), handed over as the named context
                # %1$s and read by the compile step as a file:// GOPROXY with every other source
                # off: this build needs no network and no credentials. There is no separate download step: its
                # cache key would follow the module cache's file times, which change whenever it is restored.

                """.formatted(ModuleSource.ProxyDirectory.CONTEXT_NAME);
        }
        if (settings.modulesInLayer()) {
            return """
                # Modules only: this step sees nothing but go.mod and go.sum, so source changes keep its cache.
                # The modules stay in this layer (no cache mount) because the build exports its layer cache:
                # a fresh builder restores them from there, and BuildKit never exports cache mounts.
                %1$sRUN --mount=type=bind,source=go.mod,target=go.mod \\
                %2$s%3$s    go mod download

                """.formatted(goVariables(), goSumMount, credentialMounts());
        }
        return """
            # Modules only: this step sees nothing but go.mod and go.sum, so source changes keep its cache.
            %2$sRUN --mount=type=cache,target=%1$s \\
                --mount=type=bind,source=go.mod,target=go.mod \\
            %3$s%4$s    go mod download

            """.formatted(MODULE_CACHE, goVariables(), goSumMount, credentialMounts());
    }

    private String buildCacheSeedStep() {
        if (!settings.buildCacheTransfer()) {
            return "";
        }
        return """
            # A fresh builder starts with an empty build cache mount (BuildKit never exports cache mounts):
            # seed it from the Go build cache the agent saved (named context %3$s), so that a
            # one-line change recompiles one package even here. A warm builder keeps its own.
            RUN --mount=type=cache,target=%1$s \\
                --mount=type=bind,from=%3$s,target=%2$s \\
                if [ -z "$(ls -A %1$s)" ]; then cp -a %2$s/. %1$s/; fi

            """.formatted(BUILD_CACHE, BUILD_CACHE_SEED_MOUNT, BUILD_CACHE_CONTEXT);
    }

    private String compileStep() {
        ModuleSource source = settings.moduleSource();
        String moduleMounts = "";
        String moduleEnvironment = "";
        if (source instanceof ModuleSource.ProxyDirectory) {
            // go fetches what the module cache mount misses from the agent's module cache. go.sum still
            // verifies every module; GOSUMDB is off because the agent checked them when it downloaded them.
            moduleMounts = "--mount=type=cache,target=" + MODULE_CACHE + " \\\n    --mount=type=bind,from="
                + ModuleSource.ProxyDirectory.CONTEXT_NAME + ",target=" + MODULE_PROXY_MOUNT + " \\\n    ";
            moduleEnvironment = "GOPROXY=file://" + MODULE_PROXY_MOUNT + ",off GOSUMDB=off GOFLAGS=-mod=mod ";
        } else if (source instanceof ModuleSource.Download && !settings.modulesInLayer()) {
            moduleMounts = "--mount=type=cache,target=" + MODULE_CACHE + " \\\n    ";
        }
        boolean vendored = source instanceof ModuleSource.Vendor;
        return """
            # The build cache mount makes a one-line change recompile one package, not the world
            # (-v lists the packages actually compiled, so the log shows it).
            ARG TARGETOS TARGETARCH TARGETVARIANT
            ARG VERSION=dev
            %9$sRUN %7$s%4$s--mount=type=cache,target=%1$s \\
                --mount=type=bind,target=. \\
                %8$sGOOS="$TARGETOS" GOARCH="$TARGETARCH" GOARM="${TARGETVARIANT#v}" \\
                go build -v %5$s-trimpath -buildvcs=false -ldflags "-s -w%10$s" -o /out%2$s %3$s

            RUN mkdir -p /out/etc && echo 'nonroot:x:%6$s:%6$s:nonroot:/nonexistent:/sbin/nologin' > /out/etc/passwd

            """.formatted(BUILD_CACHE, binaryPath(), mainPackage, moduleMounts,
                vendored ? "-mod=vendor " : "", NONROOT_UID, hermetic() ? "--network=none " : "", moduleEnvironment, stampArgs(), ldflags());
    }

    /**
     * The build arguments of the stamps besides VERSION, declared for the compile step. Each value is an
     * environment variable of the shell, expanded inside double quotes: never parsed as shell text.
     */
    private String stampArgs() {
        List<VersionStamps.Stamp> own = settings.stamps().stream().filter(s -> !s.buildArg().equals(VersionStamps.VERSION_ARG)).toList();
        if (own.isEmpty()) {
            return "";
        }
        return "# Stamped into the binary with -X below, each value from a build argument of its own (gocb build sets them from\n"
            + "# the version and git), so that no value is ever read as shell text.\n"
            + "ARG " + String.join(" ", own.stream().map(VersionStamps.Stamp::buildArg).toList()) + "\n";
    }

    /** One {@code -X 'PKG.NAME=${ARG}'} a stamp: the go command splits -ldflags at spaces unless a field is quoted. */
    private String ldflags() {
        List<String> flags = settings.stamps().stream().map(s -> "-X '" + s.variable() + "=${" + s.buildArg() + "}'").toList();
        return flags.size() == 1 ? " " + flags.get(0) : flags.stream().map(flag -> " \\\n        " + flag).reduce("", String::concat);
    }

    /** Modules come from the context or the agent's module cache: no step needs the network. */
    private boolean hermetic() {
        return !(settings.moduleSource() instanceof ModuleSource.Download);
    }

    private String buildCacheExportStages() {
        if (!settings.buildCacheTransfer()) {
            return "";
        }
        return """
            # Built only on request (target %3$s): copies the build cache mount out, for the agent to save.
            FROM builder AS gocb-go-build-cache-collect
            ARG %2$s
            RUN --mount=type=cache,target=%1$s \\
                rm -rf /gocb-go-build && cp -a %1$s /gocb-go-build && echo "build cache export $%2$s"
            FROM scratch AS %3$s
            COPY --from=gocb-go-build-cache-collect /gocb-go-build /

            """.formatted(BUILD_CACHE, EXPORT_ID_ARG, BUILD_CACHE_EXPORT_TARGET);
    }

    private String finalStage() {
        return """
            FROM scratch
            COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
            COPY --from=builder /out/etc/passwd /etc/passwd
            COPY --from=builder /out%1$s %1$s
            USER %2$s:%2$s
            ENTRYPOINT ["%1$s"]
            ARG VERSION=dev
            ARG REVISION=unknown
            LABEL org.opencontainers.image.title="%3$s" \\
                  org.opencontainers.image.version="${VERSION}" \\
                  org.opencontainers.image.revision="${REVISION}"
            """.formatted(binaryPath(), NONROOT_UID, binaryName());
    }

    /** The GOPRIVATE family, declared so that the build args given for it reach the go command. */
    private String goVariables() {
        if (settings.access().goVariables().isEmpty()) {
            return "";
        }
        return "# The go command's private-module settings, from build args (they are not secret).\n"
            + "ARG " + String.join(" ", settings.access().goVariables()) + "\n";
    }

    /**
     * SSH forwarding and credential files, mounted for this step only: BuildKit secrets are never
     * written to a layer, and the build step after it has no access to them.
     */
    private String credentialMounts() {
        StringBuilder mounts = new StringBuilder();
        for (String id : settings.access().sshIds()) {
            mounts.append("    --mount=type=ssh,id=").append(id).append(",required=true \\\n");
        }
        settings.access().secretTargets().forEach((id, target) ->
            mounts.append("    --mount=type=secret,id=").append(id).append(",target=").append(target).append(",required=true \\\n"));
        return mounts.toString();
    }

    static String normalisePackage(String value) {
        String trimmed = value == null || value.isBlank() ? "." : value.strip();
        if (trimmed.startsWith("/") || trimmed.contains("..") || trimmed.contains("\"") || trimmed.contains(" ")) {
            throw new InvalidBuildRequestException("invalid main package '" + value + "'",
                "the main package is a directory inside the module, relative to go.mod",
                "write it like ./cmd/server");
        }
        if (trimmed.equals(".") || trimmed.equals("./")) {
            return ".";
        }
        String withoutSlash = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return withoutSlash.startsWith("./") ? withoutSlash : "./" + withoutSlash;
    }
}
