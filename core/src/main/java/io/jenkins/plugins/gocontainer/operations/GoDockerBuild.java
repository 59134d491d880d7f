package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.BuildDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuildMetadata;
import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;
import io.jenkins.plugins.gocontainer.buildkit.RootFilesystemLayouts;
import io.jenkins.plugins.gocontainer.cache.FileReplacement;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.goengine.GoEngine;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportTable;
import io.jenkins.plugins.gocontainer.gates.GateResult;
import io.jenkins.plugins.gocontainer.gates.ImageSize;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.LayerCache;
import io.jenkins.plugins.gocontainer.plan.LdflagsVar;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.SecretMount;
import io.jenkins.plugins.gocontainer.plan.SshMount;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.GitFacts;
import io.jenkins.plugins.gocontainer.tags.OciLabels;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code goDockerBuild} / {@code gocb build} in one call: opens the private-module session,
 * restores the Go build cache, plans, builds on the resolved builder (pushing the candidate tag
 * of a build tagged from git), judges the quality gates, adds the moving tags only when they
 * pass, writes the report files, saves the caches and returns the result.
 *
 * <p>Interrupting the calling thread stops the BuildKit client and any ssh-agent, removes every
 * secret file and throws {@link InterruptedException}. Holds no state: one instance may run
 * several builds at once.
 */
public final class GoDockerBuild {

    /** The result's {@code driver} of a build by the go engine. */
    public static final String GO_ENGINE = "go";

    /** Builds, pushes, tags and judges as {@code spec} says. */
    public GoDockerBuildResult run(GoDockerBuildSpec spec, OperationContext context) throws IOException, InterruptedException {
        AbandonedRuns.reap(context);
        if (spec.registryUser() == null) {
            return runWith(spec, context);
        }
        try (PushLogin login = PushLogin.open(spec.registryUser(), spec.registryPasswordSecret(), spec.images(), context)) {
            return runWith(spec, login.applyTo(context));
        }
    }

    private GoDockerBuildResult runWith(GoDockerBuildSpec spec, OperationContext context) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> durations = new LinkedHashMap<>();
        Path moduleRoot = context.resolve(spec.context());
        Optional<PrivateModuleSession> session = spec.privateModules().open(context);
        try (GoBuildCacheTransfer goBuildCache = GoBuildCacheTransfer.open(context.resolve(spec.goBuildCache()), spec.cacheStore(), moduleRoot,
                context, spec.insecureRegistries()).orElse(null)) {
            long planStarted = System.nanoTime();
            Optional<ImageReference> repository = spec.taggedRepository();
            Optional<GitFacts> git = SourceFacts.read(spec, context, moduleRoot, repository.isPresent());
            Optional<TagSet> tags = repository.isPresent() ? Optional.of(tags(spec, context, moduleRoot, git.orElseThrow())) : Optional.empty();
            QualityGates gates = spec.gates().gates(context);
            BuildRequest request = request(spec, context, session, goBuildCache == null ? null : goBuildCache.directory(), repository, tags, git);
            BuildPlan plan = new BuildPlanner(context.workspace()).plan(request);
            checkBeforeBuild(spec, context, gates);
            reportStamps(plan, context);
            requireReachableRegistries(plan, spec, context);
            durations.put("plan", millisSince(planStarted));
            Engine engine = engine(spec, context, session, goBuildCache);
            GoDockerBuildResult result = repository.isPresent()
                ? tagged(plan, repository.get(), tags.get(), gates, engine, spec, context, durations)
                : untagged(plan, gates, engine, spec, context, durations);
            if (goBuildCache != null && result.outcome() != GateOutcome.FAILED) {
                goBuildCache.save(context.log());
            }
            durations.put("total", millisSince(started));
            return withDurations(result, durations);
        } finally {
            if (session.isPresent()) {
                session.get().close();
            }
        }
    }

    /** The plan and the exact command, secrets masked, without contacting a builder or a registry. */
    public GoDockerBuildPlan dryRun(GoDockerBuildSpec spec, OperationContext context) throws IOException, InterruptedException {
        Path moduleRoot = context.resolve(spec.context());
        Optional<PrivateModuleSession> session = spec.privateModules().open(context);
        try {
            Optional<ImageReference> repository = spec.taggedRepository();
            Optional<GitFacts> git = SourceFacts.read(spec, context, moduleRoot, repository.isPresent());
            Optional<TagSet> tags = repository.isPresent() ? Optional.of(tags(spec, context, moduleRoot, git.orElseThrow())) : Optional.empty();
            QualityGates gates = spec.gates().gates(context);
            BuildRequest request = request(spec, context, session, context.resolve(spec.goBuildCache()), repository, tags, git);
            BuildPlan plan = new BuildPlanner(context.workspace()).plan(request);
            checkBeforeBuild(spec, context, gates);
            reportStamps(plan, context);
            // A real run checks it when it opens the Go build cache, before restoring into it.
            GoCaches.requireReplaceable(GoCaches.Kind.BUILD, context.resolve(spec.goBuildCache()), "goBuildCache", context.workspace());
            List<String> later = new ArrayList<>();
            if (repository.isPresent()) {
                String candidate = repository.get().withTag(TaggedBuild.candidateTag(tags.get())).toString();
                tags.get().imageReferences(repository.get().toString()).stream().filter(r -> !r.equals(candidate)).forEach(later::add);
            }
            if (spec.engine() == BuildEngine.GO) {
                return GoDockerBuildPlan.of(plan, goEngine(spec, context, session), later);
            }
            ImageBuilder planned = new ImageBuilder(spec.buildkit().driverWithoutStarting(context), context.runner());
            return GoDockerBuildPlan.of(plan, planned, later);
        } finally {
            if (session.isPresent()) {
                session.get().close();
            }
        }
    }

    /** What can be checked before the build is, so that a bad input stops it before anything is pushed or written. */
    private static void checkBeforeBuild(GoDockerBuildSpec spec, OperationContext context, QualityGates gates) {
        gates.checkInputs();
        spec.gates().requireWritableReports(context);
        if (spec.metadataFile() != null) {
            FileReplacement.requireReplaceable(context.resolve(spec.metadataFile()), "a build metadata file", "metadataFile", "metadata.json",
                BuildMetadata::isMetadataFile);
        }
    }

    /** One request to each registry the build pushes to, so that a wrong address fails now instead of after the build. */
    private static void requireReachableRegistries(BuildPlan plan, GoDockerBuildSpec spec, OperationContext context) {
        if (plan.output() instanceof ImageOutput.RegistryPush push) {
            RegistryHttp http = RegistryAccess.dockerConfig(context, spec.insecureRegistries()).http();
            push.names().stream().map(ImageReference::registry).distinct().forEach(http::requireReachable);
        }
    }

    /**
     * What the generated Dockerfile stamps into the binary, in one line, and a warning when the version
     * reaches no variable: a binary that says "dev" in production is found here, not in an incident.
     */
    private static void reportStamps(BuildPlan plan, OperationContext context) {
        if (plan.dockerfile() instanceof DockerfileSource.Generated generated) {
            List<String> stamped = generated.stamps().reported();
            if (!stamped.isEmpty()) {
                context.log().line("gocb: stamped into the binary: " + String.join(", ", stamped));
            }
            generated.stamps().warning().ifPresent(context::warning);
        }
    }

    private static TagSet tags(GoDockerBuildSpec spec, OperationContext context, Path moduleRoot, GitFacts git) {
        TagSet tags = new Tagger().compute(spec.tagPolicy().request(moduleRoot, context.environment()), git);
        tags.notes().forEach(note -> context.note(note));
        return tags;
    }

    /** The engine that runs the plan, and how the result names it. */
    private record Engine(ImageEngine images, String name, String description) {
    }

    private static Engine engine(GoDockerBuildSpec spec, OperationContext context, Optional<PrivateModuleSession> session,
                                 GoBuildCacheTransfer goBuildCache) throws IOException, InterruptedException {
        if (spec.engine() == BuildEngine.GO) {
            return new Engine(goEngine(spec, context, session)::build, GO_ENGINE, "the agent's go (no builder)");
        }
        BuildDriver driver = spec.buildkit().driver(context);
        return new Engine(imageBuilder(spec, context, driver, goBuildCache)::build, driver.name(), driver.builderDescription());
    }

    /** The go engine with the environment {@code gocb vendor} gives go on the agent: the agent's, and the private-module session's. */
    private static GoEngine goEngine(GoDockerBuildSpec spec, OperationContext context, Optional<PrivateModuleSession> session) {
        Map<String, String> environment = new LinkedHashMap<>(context.environment());
        session.ifPresent(s -> environment.putAll(s.hostEnvironment()));
        Optional<RegistryClient> registry = spec.images().isEmpty() ? Optional.empty()
            : Optional.of(RegistryAccess.dockerConfig(context, spec.insecureRegistries()));
        return new GoEngine(context.runner(), environment, null, GoEngine.CA_BUNDLES, registry);
    }

    private static ImageBuilder imageBuilder(GoDockerBuildSpec spec, OperationContext context, BuildDriver driver, GoBuildCacheTransfer goBuildCache) {
        ImageBuilder images = new ImageBuilder(driver, context.runner());
        Optional<RootFilesystemLayouts> layouts = RootFilesystemLayouts.inCacheOf(context.environment());
        if (layouts.isPresent()) {
            images = images.withRootFilesystemLayouts(layouts.get());
        }
        Optional<ImageBuilder.BuilderRestart> restart = spec.buildkit().restart(driver, context);
        if (restart.isPresent()) {
            images = images.withBuilderRestart(restart.get());
        }
        if (goBuildCache != null && !goBuildCache.needsExport()) {
            images = images.withoutGoBuildCacheExport();
        }
        return spec.metadataFile() == null ? images : images.withMetadataFile(context.resolve(spec.metadataFile()));
    }

    private static GoDockerBuildResult tagged(BuildPlan plan, ImageReference repository, TagSet tags, QualityGates gates, Engine engine,
                                              GoDockerBuildSpec spec, OperationContext context, Map<String, Long> durations)
        throws IOException, InterruptedException {
        RegistryClient client = RegistryAccess.dockerConfig(context, spec.insecureRegistries());
        TaggedBuild.GateCheck check = gates.isEmpty() ? TaggedBuild.GateCheck.none() : pushed -> Optional.of(gates.evaluate(client, pushed));
        TaggedBuild.Result result = new TaggedBuild(engine.images(), new TagPusher(client)).run(plan, repository, tags, check, context.log(),
            durations);
        result.gates().ifPresent(report -> spec.gates().writeReports(report, context));
        ImageReference pinned = repository.withDigest(result.build().digest());
        List<String> placed = new ArrayList<>();
        placed.add(repository.withTag(result.candidateTag()).toString());
        result.tags().ifPresent(pushed -> pushed.references().forEach(reference -> placed.add(reference.toString())));
        Sizes sizes = Sizes.of(ImageSize.fromRegistry(client, pinned, Sizes.COMPRESSED_ONLY));
        return new GoDockerBuildResult(repository.toString(), result.build().digest(), result.build().configDigest().orElse(null),
            result.build().mediaType(), pinned.toString(), placed.get(0), placed,
            result.withheld().stream().map(tag -> repository.withTag(tag).toString()).toList(), plan.buildArgs().get("VERSION"),
            tags.labels().get(OciLabels.REVISION).orElse(null), platforms(result.build()), sizes.largest(), sizes.perPlatform(), null,
            rows(result.gates()), table(result.gates()), result.outcome(), engine.name(), engine.description(), tags.labels().values(),
            tags.notes(), durations);
    }

    private static GoDockerBuildResult untagged(BuildPlan plan, QualityGates gates, Engine engine, GoDockerBuildSpec spec,
                                                OperationContext context, Map<String, Long> durations)
        throws IOException, InterruptedException {
        long buildStarted = System.nanoTime();
        BuildResult built = engine.images().build(plan, context.log());
        durations.put("build", millisSince(buildStarted));
        durations.put("push", 0L);
        long gatesStarted = System.nanoTime();
        Optional<Path> archive = plan.output() instanceof ImageOutput.OciArchive oci ? Optional.of(oci.file()) : Optional.empty();
        Optional<GateReport> report = gates.isEmpty() ? Optional.empty() : Optional.of(gatesOnArchive(gates, archive.orElseThrow()));
        report.ifPresent(r -> {
            GateReportTable.render(r).lines().forEach(context.log()::line);
            spec.gates().writeReports(r, context);
        });
        durations.put("gates", millisSince(gatesStarted));
        Sizes sizes = archive.map(file -> Sizes.of(ImageSize.fromOciLayout(file, Sizes.COMPRESSED_ONLY))).orElseGet(() -> sizesInRegistry(built, spec, context));
        List<String> placed = built.names().stream().map(ImageReference::toString).toList();
        String image = built.names().isEmpty() ? null : built.names().get(0).repositoryOnly().toString();
        String pinned = built.names().isEmpty() ? null : built.names().get(0).withDigest(built.digest()).toString();
        return new GoDockerBuildResult(image, built.digest(), built.configDigest().orElse(null), built.mediaType(), pinned, null, placed,
            List.of(), plan.buildArgs().get("VERSION"), null, platforms(built), sizes.largest(), sizes.perPlatform(),
            archive.map(Path::toString).orElse(null), rows(report), table(report), report.map(GateReport::outcome).orElse(GateOutcome.PASSED),
            engine.name(), engine.description(), plan.labels(), List.of(), durations);
    }

    private static Sizes sizesInRegistry(BuildResult built, GoDockerBuildSpec spec, OperationContext context) {
        if (built.names().isEmpty()) {
            return Sizes.UNKNOWN;
        }
        try {
            return Sizes.of(ImageSize.fromRegistry(RegistryAccess.dockerConfig(context, spec.insecureRegistries()),
                built.names().get(0).withDigest(built.digest()), Sizes.COMPRESSED_ONLY));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sizes.UNKNOWN;
        } catch (RuntimeException e) {
            context.log().line("gocb: note: the image size could not be read from the registry: " + e.getMessage().lines().findFirst().orElse(""));
            return Sizes.UNKNOWN;
        }
    }

    /** Gates on a build written to an OCI archive: the lint report, and the size measured in the archive. */
    private static GateReport gatesOnArchive(QualityGates gates, Path archive) {
        List<GateResult> results = new ArrayList<>();
        gates.evaluateLint().ifPresent(results::add);
        gates.size().ifPresent(check -> {
            ImageSize measured = ImageSize.fromOciLayout(archive, check.limits().basis() == SizeGate.Basis.UNCOMPRESSED);
            results.add(SizeGate.evaluate(measured, Optional.empty(), check.limits(), check.onBreach(), QualityGates.TOP_OFFENDERS));
        });
        return new GateReport(results);
    }

    /** The request the spec describes, every path resolved in the workspace. */
    private static BuildRequest request(GoDockerBuildSpec spec, OperationContext context, Optional<PrivateModuleSession> session, Path goBuildCache,
                                        Optional<ImageReference> repository, Optional<TagSet> tags, Optional<GitFacts> git) {
        Path workspace = context.workspace();
        BuildRequest.Builder request = BuildRequest.builder(context.resolve(spec.context()))
            .dockerfile(spec.dockerfile() == null || spec.generatedDockerfile() ? null : context.resolve(spec.context()).resolve(spec.dockerfile()))
            .generatedDockerfile(spec.generatedDockerfile() || spec.engine() == BuildEngine.GO)
            .mainPackage(spec.mainPackage())
            .target(spec.target())
            .buildArgs(spec.buildArgs())
            .platforms(spec.platforms().stream().map(Platform::toString).toList())
            .labels(spec.labels())
            .images(spec.images().stream().map(ImageReference::toString).toList())
            .ociArchive(context.resolve(spec.ociArchive()))
            .ldflagsVars(LdflagsVar.parseAll(spec.ldflagsVars()))
            .buildFacts(SourceFacts.of(spec, context.environment(), git))
            .noCache(spec.noCache())
            .sourceDateEpoch(SourceDateEpoch.of(tags, context.environment(), context.resolve(spec.context())).orElse(null));
        if (spec.appVersion() != null) {
            request.version(spec.appVersion());
        }
        spec.baseImages().forEach(baseImage -> request.namedContext(NamedContext.parse(baseImage, workspace)));
        spec.defaultBaseImages().forEach(baseImage -> request.defaultNamedContext(NamedContext.parse(baseImage, workspace)));
        spec.buildSecrets().forEach((id, file) -> request.secret(new SecretMount(id, context.resolve(file))));
        spec.ssh().forEach((id, sources) -> request.ssh(new SshMount(id, sources.stream().map(context::resolve).toList())));
        spec.insecureRegistries().forEach(request::insecureRegistry);
        spec.addHosts().forEach(request::addHost);
        spec.caches().forEach(cache -> request.layerCache(LayerCache.parse(cache, workspace)));
        request.moduleSource(spec.moduleCache() != null ? new ModuleSource.ProxyDirectory(context.resolve(spec.moduleCache()))
            : spec.vendored() ? new ModuleSource.Vendor() : new ModuleSource.Download());
        request.goBuildCache(goBuildCache);
        session.ifPresent(request::privateModules);
        BuildRequest base = request.build();
        return repository.isPresent() ? TaggedBuild.candidateRequest(base, repository.get(), tags.orElseThrow(), spec.appVersion() != null) : base;
    }

    private static List<String> platforms(BuildResult built) {
        return built.platforms().stream().map(Platform::toString).toList();
    }

    private static List<GateRow> rows(Optional<GateReport> report) {
        return report.map(r -> r.gates().stream().map(GateRow::of).toList()).orElse(List.of());
    }

    private static String table(Optional<GateReport> report) {
        return report.map(GateReportTable::render).orElse("");
    }

    private static GoDockerBuildResult withDurations(GoDockerBuildResult result, Map<String, Long> durations) {
        return new GoDockerBuildResult(result.image(), result.digest(), result.configDigest(), result.mediaType(), result.pinned(),
            result.candidate(), result.tags(), result.withheld(), result.version(), result.revision(), result.platforms(), result.size(),
            result.platformSizes(), result.ociArchive(), result.gates(), result.gateTable(), result.outcome(), result.driver(), result.builder(),
            result.labels(), result.notes(), durations);
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** Compressed sizes: the largest platform's, and each platform's. */
    private record Sizes(Long largest, Map<String, Long> perPlatform) {
        static final Sizes UNKNOWN = new Sizes(null, Map.of());

        /** The result reports compressed sizes only: measuring uncompressed ones would download and unpack every layer. */
        static final boolean COMPRESSED_ONLY = false;

        static Sizes of(ImageSize size) {
            Map<String, Long> perPlatform = new LinkedHashMap<>();
            size.platforms().forEach(platform -> perPlatform.put(platform.platform(), platform.compressed()));
            return new Sizes(perPlatform.values().stream().max(Long::compare).orElse(null), perPlatform);
        }
    }
}
