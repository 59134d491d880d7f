package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.buildkit.BuildDriver;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.operations.TaggedBuild;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.LayerCache;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportJson;
import io.jenkins.plugins.gocontainer.gates.GateReportTable;
import io.jenkins.plugins.gocontainer.gates.ImageSize;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code gocb build}: plans, builds and pushes a Go service image. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Builds a Go service into a container image with BuildKit and pushes it, or writes an OCI archive.",
        "Without a Dockerfile in the context, the best-practice one is generated (see 'gocb dockerfile')."})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the module root: the directory with go.mod and go.sum (default: .)")
    Path context;

    @Option(names = {"-f", "--dockerfile"}, paramLabel = "FILE", description = "Dockerfile, relative to the context (default: Dockerfile, else generated)")
    Path dockerfile;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = ".", description = "main package for the generated Dockerfile, e.g. ./cmd/server (default: .)")
    String mainPackage;

    @Option(names = {"-t", "--image"}, paramLabel = "REF",
        description = "push under this name; repeatable. A repository without tag gets its tags from git and the tag policy (--tag)")
    List<String> images = new ArrayList<>();

    @Option(names = "--oci-archive", paramLabel = "FILE", description = "write an OCI layout tarball instead of pushing (default when no --image: ./<name>.oci.tar)")
    Path ociArchive;

    @Option(names = "--app-version", paramLabel = "VERSION", defaultValue = BuildRequest.DEFAULT_VERSION,
        description = "version stamped into the binary (-X main.version) and the VERSION build argument (default: dev)")
    String appVersion;

    @Option(names = "--target", paramLabel = "STAGE", description = "Dockerfile stage to build")
    String target;

    @Option(names = "--build-arg", paramLabel = "KEY=VALUE", description = "build argument; repeatable. Not for secrets: use --secret")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "OS/ARCH", split = ",", description = "target platform(s), e.g. linux/amd64,linux/arm64")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "image label; repeatable")
    List<String> labels = new ArrayList<>();

    @Option(names = "--base-image", paramLabel = "NAME=SOURCE",
        description = "replace a FROM image: NAME=DIR (a root filesystem) or NAME=docker-image://REF (a mirror); repeatable")
    List<String> baseImages = new ArrayList<>();

    @Option(names = "--secret", paramLabel = "id=ID,src=FILE", description = "BuildKit secret from a file; repeatable")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--ssh", paramLabel = "ID[=SOCKET|KEY]", description = "BuildKit SSH forwarding, e.g. default or default=$SSH_AUTH_SOCK; repeatable")
    List<String> sshMounts = new ArrayList<>();

    @Option(names = "--add-host", paramLabel = "HOST=IP", description = "extra /etc/hosts entry for the build's RUN steps; repeatable")
    List<String> hostMappings = new ArrayList<>();

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT", description = "registry spoken to over HTTP or unverified TLS (loopback registries always are)")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--cache", paramLabel = "KIND[=WHERE]",
        description = "keep BuildKit's layer cache between builds (for fresh agents): registry (REPO:buildcache of the image), registry=REF, local=DIR or inline; repeatable")
    List<String> layerCaches = new ArrayList<>();

    @Option(names = "--module-cache", paramLabel = "DIR",
        description = "hermetic build: modules come only from this module cache, filled by 'gocb vendor --mode download' (no network, no credentials in the build)")
    Path moduleCache;

    @Option(names = "--vendored", description = "build with -mod=vendor from vendor/ in the context ('gocb vendor --mode vendor'); nothing is downloaded")
    boolean vendored;

    @Option(names = "--no-cache", description = "do not use the builder's cache")
    boolean noCache;

    @Mixin
    PrivateModuleOptions privateModules;

    @Mixin
    GoBuildCacheOptions goBuildCacheOptions;

    @Mixin
    BuilderOptions builder;

    @Mixin
    TagPolicyOptions policy;

    @Mixin
    BuildGateOptions gateOptions;

    @Option(names = "--metadata-file", paramLabel = "FILE", description = "write BuildKit's build metadata (digest, descriptors) to FILE, as buildx does")
    Path metadataFile;

    @Option(names = "--dry-run", description = "print the plan and the exact command, with secrets masked, and stop")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = {"-q", "--quiet"}, description = "do not stream the build log to stderr")
    boolean quiet;

    /** The build cache directory of the running build; set in {@link #call()}. */
    private GoBuildCacheOptions.Transfer goBuildCache;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, String> environment = System.getenv();
            PrivateModuleAccess access = privateModules.access(environment, err);
            CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());
            try (PrivateModuleSession session = access.isEmpty() ? null : PrivateModuleOptions.open(access, runner, environment);
                 GoBuildCacheOptions.Transfer goBuildCache = dryRun ? null
                     : goBuildCacheOptions.open(context.toAbsolutePath().normalize(), environment, insecureRegistries, log(err)).orElse(null)) {
                this.goBuildCache = goBuildCache;
                int exit = build(session, runner, environment, out, err);
                if (goBuildCache != null && exit == ExitCodes.OK) {
                    goBuildCache.save(log(err));
                }
                return exit;
            }
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        } catch (IOException e) {
            return ErrorReporter.report(new GocbException("build failed: " + e.getMessage(), "an input/output error on this machine", "check the paths and free disk space", e), format, out, err);
        } catch (InterruptedException e) {
            err.println("gocb: build cancelled; the BuildKit client was stopped and temporary files removed");
            return ExitCodes.INTERRUPTED;
        }
    }

    private int build(PrivateModuleSession session, CommandRunner runner, Map<String, String> environment, PrintWriter out, PrintWriter err)
        throws IOException, InterruptedException {
        Optional<ImageReference> tagged = taggedRepository();
        if (tagged.isPresent()) {
            return taggedBuild(tagged.get(), session, runner, environment, out, err);
        }
        BuildPlan plan = new BuildPlanner().plan(request(session));
        QualityGates gates = gateOptions.gates();
        if (!gates.isEmpty() && !plan.imageNames().isEmpty()) {
            throw new InvalidBuildRequestException("quality gates need a repository without tag, or an OCI archive",
                "gates decide which tags an image gets; with explicit names every tag would be pushed before the gates are judged",
                "use --image REPO (the candidate sha- tag is pushed, the other tags only when the gates pass), or judge afterwards with gocb gate");
        }
        if (dryRun) {
            return printDryRun(plan, environment, runner, List.of(), out);
        }
        BuildDriver driver = builder.driver(environment);
        BuildResult result = Cancellation.runCancellable(() -> imageBuilder(driver, runner).build(plan, log(err)));
        Optional<GateReport> report = gates.isEmpty() ? Optional.empty()
            : Optional.of(gatesOnArchive(gates, ((ImageOutput.OciArchive) plan.output()).file()));
        report.ifPresent(r -> {
            GateReportTable.render(r).lines().forEach(err::println);
            gateOptions.files.write(r);
        });
        printResult(result, driver, report, out);
        return ExitCodes.of(report.map(GateReport::outcome).orElse(GateOutcome.PASSED));
    }

    private ImageBuilder imageBuilder(BuildDriver driver, CommandRunner runner) {
        ImageBuilder images = new ImageBuilder(driver, runner);
        if (goBuildCache != null && !goBuildCache.needsExport()) {
            images = images.withoutGoBuildCacheExport();
        }
        return metadataFile == null ? images : images.withMetadataFile(metadataFile);
    }

    /** The repository to tag from git, when --image names a single repository without tag or digest. */
    private Optional<ImageReference> taggedRepository() {
        List<ImageReference> references = images.stream().map(ImageReference::parse).toList();
        List<ImageReference> untagged = references.stream().filter(r -> r.tag() == null && r.digest() == null).toList();
        if (untagged.isEmpty()) {
            return Optional.empty();
        }
        if (references.size() > 1) {
            throw new InvalidBuildRequestException("--image " + untagged.get(0) + " has no tag, and other names were given",
                "a name without tag means 'tags from git and the tag policy', which applies to exactly one repository",
                "give one repository (gocb build -t REPO), then copy tags elsewhere with gocb push-tags; or give every name a tag");
        }
        return Optional.of(untagged.get(0));
    }

    /** Builds and pushes the candidate sha tag, then adds the policy's other tags by digest. */
    private int taggedBuild(ImageReference repository, PrivateModuleSession session, CommandRunner runner, Map<String, String> environment,
                            PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        TagSet tags = new Tagger().compute(policy.request(context, environment));
        tags.notes().forEach(note -> err.println("gocb: note: " + note));
        boolean versionGiven = spec.commandLine().getParseResult().hasMatchedOption("--app-version");
        BuildRequest candidate = TaggedBuild.candidateRequest(request(session), repository, tags, versionGiven);
        BuildPlan plan = new BuildPlanner().plan(candidate);
        if (dryRun) {
            String candidateReference = repository.withTag(TaggedBuild.candidateTag(tags)).toString();
            List<String> later = tags.imageReferences(repository.toString()).stream().filter(r -> !r.equals(candidateReference)).toList();
            return printDryRun(plan, environment, runner, later, out);
        }
        BuildDriver driver = builder.driver(environment);
        RegistryClient client = RegistryOptions.dockerConfigClient(environment, insecureRegistries);
        QualityGates gates = gateOptions.gates();
        TaggedBuild.GateCheck check = gates.isEmpty() ? TaggedBuild.GateCheck.none() : pushed -> Optional.of(gates.evaluate(client, pushed));
        TaggedBuild build = new TaggedBuild(imageBuilder(driver, runner), new TagPusher(client));
        TaggedBuild.Result result = Cancellation.runCancellable(() -> build.run(plan, repository, tags, check, log(err)));
        result.gates().ifPresent(gateOptions.files::write);
        printTaggedResult(result, repository, driver, out);
        return ExitCodes.of(result.outcome());
    }

    /** Gates on a build written to an OCI archive: the lint report, and the size measured in the archive. */
    private static GateReport gatesOnArchive(QualityGates gates, java.nio.file.Path archive) {
        List<io.jenkins.plugins.gocontainer.gates.GateResult> results = new ArrayList<>();
        gates.evaluateLint().ifPresent(results::add);
        gates.size().ifPresent(check -> {
            if (check.baseline().isPresent()) {
                throw new InvalidBuildRequestException("--size-baseline needs a pushed build", "the baseline image is read from a registry",
                    "build with --image REPO, or drop --size-baseline");
            }
            ImageSize measured = ImageSize.fromOciLayout(archive, check.limits().basis() == SizeGate.Basis.UNCOMPRESSED);
            results.add(SizeGate.evaluate(measured, Optional.empty(), check.limits(), check.onBreach(), QualityGates.TOP_OFFENDERS));
        });
        return new GateReport(results);
    }

    private OutputSink log(PrintWriter err) {
        return quiet ? OutputSink.discard() : line -> {
            err.println(line);
            err.flush();
        };
    }

    private void printTaggedResult(TaggedBuild.Result result, ImageReference repository, BuildDriver driver, PrintWriter out) {
        List<String> references = new ArrayList<>();
        references.add(repository.withTag(result.candidateTag()).toString());
        result.tags().ifPresent(pushed -> pushed.references().forEach(reference -> references.add(reference.toString())));
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("digest", result.build().digest());
            json.put("configDigest", result.build().configDigest().orElse(null));
            json.put("mediaType", result.build().mediaType());
            json.put("version", result.tagSet().version());
            json.put("candidate", repository.withTag(result.candidateTag()).toString());
            json.put("names", references);
            json.put("pinned", repository.withDigest(result.build().digest()).toString());
            json.put("platforms", result.build().platforms().stream().map(Platform::toString).toList());
            json.put("labels", result.tagSet().labels().values());
            json.put("notes", result.tagSet().notes());
            result.gates().ifPresent(report -> json.put("gates", Json.parse(GateReportJson.render(report))));
            json.put("withheld", result.withheld().stream().map(tag -> repository.withTag(tag).toString()).toList());
            json.put("driver", driver.name());
            json.put("builder", driver.builderDescription());
            out.println(Json.write(json));
        } else {
            out.println("built " + result.build().digest() + " (version " + result.tagSet().version() + ")");
            references.forEach(reference -> out.println("  pushed " + reference));
            out.println("  pinned " + repository.withDigest(result.build().digest()));
            result.gates().ifPresent(report -> out.print(GateReportTable.render(report)));
            if (!result.withheld().isEmpty()) {
                out.println("  NOT tagged (a quality gate failed): " + String.join(", ", result.withheld()));
            }
        }
        out.flush();
    }

    /** @param session the build's credentials, or null when it needs none */
    private BuildRequest request(PrivateModuleSession session) {
        BuildRequest.Builder request = BuildRequest.builder(context)
            .dockerfile(dockerfile)
            .mainPackage(mainPackage)
            .target(target)
            .buildArgs(KeyValues.pairs(buildArgs, "--build-arg"))
            .platforms(platforms)
            .labels(KeyValues.pairs(labels, "--label"))
            .images(images)
            .ociArchive(ociArchive)
            .version(appVersion)
            .noCache(noCache);
        baseImages.stream().map(NamedContext::parse).forEach(request::namedContext);
        secrets.stream().map(KeyValues::secret).forEach(request::secret);
        sshMounts.stream().map(KeyValues::ssh).forEach(request::ssh);
        insecureRegistries.forEach(request::insecureRegistry);
        hostMappings.stream().map(HostMapping::parse).forEach(request::addHost);
        layerCaches.stream().map(LayerCache::parse).forEach(request::layerCache);
        request.moduleSource(moduleSource());
        if (goBuildCache != null) {
            request.goBuildCache(goBuildCache.directory());
        } else if (dryRun && goBuildCacheOptions.directory != null) {
            request.goBuildCache(goBuildCacheOptions.directory.toAbsolutePath().normalize());
        }
        if (session != null) {
            request.privateModules(session);
        }
        return request.build();
    }

    private ModuleSource moduleSource() {
        if (moduleCache != null && vendored) {
            throw new InvalidBuildRequestException("both --module-cache and --vendored were given",
                "modules come either from vendor/ in the context or from a module cache", "keep one of them");
        }
        if (moduleCache != null) {
            return new ModuleSource.ProxyDirectory(moduleCache.toAbsolutePath().normalize());
        }
        return vendored ? new ModuleSource.Vendor() : new ModuleSource.Download();
    }

    /** The plan and the exact command, without contacting a builder; {@code laterTags}: what retagging adds afterwards. */
    private int printDryRun(BuildPlan plan, Map<String, String> environment, CommandRunner runner, List<String> laterTags, PrintWriter out)
        throws IOException {
        ImageBuilder planned = new ImageBuilder(builder.driverWithoutStarting(environment), runner);
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("driver", planned.driver().name());
            json.put("builder", planned.driver().builderDescription());
            json.put("command", planned.plannedCommand(plan).argv());
            json.put("names", plan.imageNames().stream().map(ImageReference::toString).toList());
            json.put("thenTagged", laterTags);
            json.put("generatedDockerfile", plan.dockerfile() instanceof DockerfileSource.Generated generated ? generated.content() : null);
            out.println(Json.write(json));
        } else {
            out.print(planned.dryRun(plan));
            if (!laterTags.isEmpty()) {
                out.println();
                out.println("Then tagged by digest, without rebuilding: " + String.join(", ", laterTags));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printResult(BuildResult result, BuildDriver driver, Optional<GateReport> gates, PrintWriter out) {
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            gates.ifPresent(report -> json.put("gates", Json.parse(GateReportJson.render(report))));
            json.put("digest", result.digest());
            json.put("configDigest", result.configDigest().orElse(null));
            json.put("mediaType", result.mediaType());
            json.put("names", result.names().stream().map(ImageReference::toString).toList());
            json.put("pinned", result.pinnedReferences().stream().map(ImageReference::toString).toList());
            json.put("platforms", result.platforms().stream().map(Platform::toString).toList());
            json.put("driver", driver.name());
            json.put("builder", driver.builderDescription());
            out.println(Json.write(json));
        } else {
            out.println("built " + result.digest());
            result.names().forEach(name -> out.println("  pushed " + name));
            result.pinnedReferences().forEach(pinned -> out.println("  pinned " + pinned));
            if (!result.platforms().isEmpty()) {
                out.println("  platforms " + String.join(", ", result.platforms().stream().map(Platform::toString).toList()));
            }
        }
        out.flush();
    }
}
