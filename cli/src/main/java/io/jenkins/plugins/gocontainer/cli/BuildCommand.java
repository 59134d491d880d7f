package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuild;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildPlan;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code gocb build}: the options of core's {@link GoDockerBuild}, and its result printed. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Builds a Go service into a container image with BuildKit and pushes it, or writes an OCI archive.",
        "Without a Dockerfile in the context, the best-practice one is generated (see 'gocb dockerfile')."})
final class BuildCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the module root: the directory with go.mod and go.sum (default: .)")
    Path context;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "buildkit (default): BuildKit runs the Dockerfile; go: compile with the"
        + " agent's go and write the image without a builder (scratch, CA certificates, non-root user, the binary)")
    String engine;

    @Option(names = {"-f", "--dockerfile"}, paramLabel = "FILE", description = "Dockerfile, relative to the context, or 'generated' for the generated one although the context has a Dockerfile (default: Dockerfile, else generated)")
    Path dockerfile;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = ".", description = "main package for the generated Dockerfile, e.g. ./cmd/server (default: .)")
    String mainPackage;

    @Option(names = {"-t", "--image"}, paramLabel = "REF",
        description = "push under this name; repeatable. A repository without tag gets its tags from git and the tag policy (--tag)")
    List<String> images = new ArrayList<>();

    @Option(names = "--oci-archive", paramLabel = "FILE", description = "write an OCI layout tarball instead of pushing (default when no --image: ./<name>.oci.tar)")
    Path ociArchive;

    @Option(names = "--app-version", paramLabel = "VERSION",
        description = "version stamped into the binary (-X main.version, and the conventions gocb detects) and the VERSION build argument"
            + " (default: from git for --image REPO, else dev)")
    String appVersion;

    @Option(names = "--ldflags-var", paramLabel = "PKG.NAME=TEMPLATE", description = DockerfileCommand.LDFLAGS_VAR)
    List<String> ldflagsVars = new ArrayList<>();

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

    @Mixin
    InsecureRegistryOptions insecureRegistries;

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

    @Option(names = "--registry-user", paramLabel = "USER", description = "push as USER (default: the Docker config's login)")
    String registryUser;

    @Option(names = "--registry-password-env", paramLabel = "VAR",
        description = "environment variable holding --registry-user's password or token (never a flag value)")
    String registryPasswordVariable;

    @Option(names = "--metadata-file", paramLabel = "FILE", description = "write BuildKit's build metadata (digest, descriptors) to FILE, as buildx does")
    Path metadataFile;

    @Option(names = "--dry-run", description = "print the plan and the exact command, with secrets masked, and stop")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = {"-q", "--quiet"}, description = "do not stream the build log to stderr")
    boolean quiet;

    private final Map<String, String> environment;

    BuildCommand() {
        this(System.getenv());
    }

    /** @param environment the build's environment (tests pass their own, free of this machine's CI variables) */
    BuildCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        return OperationCall.run(spec, format, quiet, environment, "build cancelled; the BuildKit client was stopped and temporary files removed",
            (context, out, err) -> {
                GoDockerBuildSpec build = specification();
                if (dryRun) {
                    print(new GoDockerBuild().dryRun(build, context), out);
                    return ExitCodes.OK;
                }
                GoDockerBuildResult result = new GoDockerBuild().run(build, context);
                print(result, out);
                return ExitCodes.of(result.outcome());
            });
    }

    /** The options as core's specification. */
    GoDockerBuildSpec specification() {
        GoDockerBuildSpec.Builder build = GoDockerBuildSpec.builder()
            .context(context.toString())
            .dockerfile(BuilderOptions.text(dockerfile))
            .mainPackage(mainPackage)
            .images(images)
            .ociArchive(BuilderOptions.text(ociArchive))
            .appVersion(appVersion)
            .ldflagsVars(ldflagsVars)
            .target(target)
            .buildArgs(KeyValues.pairs(buildArgs, "--build-arg"))
            .platforms(platforms)
            .labels(KeyValues.pairs(labels, "--label"))
            .insecureRegistries(insecureRegistries.hosts)
            .registryLogin(registryUser, registryPasswordVariable)
            .moduleCache(BuilderOptions.text(moduleCache))
            .vendored(vendored)
            .noCache(noCache)
            .goBuildCache(BuilderOptions.text(goBuildCacheOptions.directory))
            .cacheStore(goBuildCacheOptions.store)
            .metadataFile(BuilderOptions.text(metadataFile))
            .privateModules(privateModules.settings())
            .buildkit(builder.settings())
            .tagPolicy(policy.settings())
            .gates(gateOptions.settings())
            .engine(engine);
        baseImages.forEach(build::baseImage);
        secrets.stream().map(KeyValues::secret).forEach(secret -> build.buildSecret(secret.getKey(), secret.getValue()));
        sshMounts.stream().map(KeyValues::ssh).forEach(ssh -> build.ssh(ssh.getKey(), ssh.getValue()));
        hostMappings.forEach(build::addHost);
        layerCaches.forEach(build::cache);
        return build.build();
    }

    private void print(GoDockerBuildPlan plan, PrintWriter out) {
        out.print(format == OutputFormat.json ? Json.write(plan.toMap()) + System.lineSeparator() : plan.text());
        out.flush();
    }

    private void print(GoDockerBuildResult result, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.println(Json.write(result.toMap()));
        } else {
            out.println("built " + result.digest() + " (version " + result.version() + ")");
            result.tags().forEach(reference -> out.println("  pushed " + reference));
            if (result.pinned() != null) {
                out.println("  pinned " + result.pinned());
            }
            if (result.ociArchive() != null) {
                out.println("  wrote " + result.ociArchive());
            }
            if (!result.platforms().isEmpty()) {
                out.println("  platforms " + String.join(", ", result.platforms()));
            }
            if (!result.platformSizes().isEmpty()) {
                out.println("  size " + result.platformSizes().entrySet().stream()
                    .map(entry -> new ByteSize(entry.getValue()).toDecimalString() + " (" + entry.getKey() + ")")
                    .collect(Collectors.joining(", ")) + ", compressed");
            }
            out.print(result.gateTable());
            if (!result.withheld().isEmpty()) {
                out.println("  NOT tagged (a quality gate failed): " + String.join(", ", result.withheld()));
            }
        }
        out.flush();
    }
}
