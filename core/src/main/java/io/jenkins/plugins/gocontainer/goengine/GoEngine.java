package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.RunDirectories;
import io.jenkins.plugins.gocontainer.gomod.GoCommandFailedException;
import io.jenkins.plugins.gocontainer.gomod.GoToolchain;
import io.jenkins.plugins.gocontainer.gomod.GoToolchainFinder;
import io.jenkins.plugins.gocontainer.gomod.GoVersion;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.DockerfileGenerator;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.GoBinary;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.VersionStamps;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.tags.OciLabels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The second engine ({@code --engine go}): compiles the plan's main package with the agent's go, with
 * the agent's module and build caches, and writes the image the generated Dockerfile makes without a
 * builder: a layer with the CA certificates and {@code /etc/passwd}, a layer with the binary, a config
 * that runs it as the non-root user. Layers and configs are byte-for-byte reproducible, their times
 * from {@code SOURCE_DATE_EPOCH}, so the same commit gives the same digest on any agent with the same
 * Go and CA bundle. Pushes through gocb's registry client, or writes an OCI archive.
 *
 * <p>Holds no state: one instance may build several plans at once.
 */
public final class GoEngine {

    /** Where Linux distributions keep the system CA bundle, Debian's first (the golang images' own). */
    public static final List<Path> CA_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"), Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
        Path.of("/etc/ssl/ca-bundle.pem"), Path.of("/etc/ssl/cert.pem"));

    private static final String USER = DockerfileGenerator.NONROOT_UID + ":" + DockerfileGenerator.NONROOT_UID;
    private static final String PASSWD = "nonroot:x:" + DockerfileGenerator.NONROOT_UID + ":" + DockerfileGenerator.NONROOT_UID
        + ":nonroot:/nonexistent:/sbin/nologin\n";

    /** The base layer does not depend on the commit, so neither do its times: a new commit then changes only the binary's layer. */
    private static final long BASE_LAYER_TIME = 0;

    private final CommandRunner runner;
    private final Map<String, String> environment;
    private final String go;
    private final List<Path> caBundles;
    private final Optional<RegistryClient> registry;

    /**
     * @param runner      runs go; its masker knows every secret of {@code environment}
     * @param environment what go runs with: the agent's environment and the private-module session's
     * @param go          the go command: {@code go} on the environment's PATH, a path, or a Go installation
     * @param caBundles   where to look for the CA bundle copied into the image, first found wins
     * @param registry    the client that pushes; empty when the plan writes an OCI archive
     */
    public GoEngine(CommandRunner runner, Map<String, String> environment, String go, List<Path> caBundles, Optional<RegistryClient> registry) {
        this.runner = runner;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.go = go == null || go.isBlank() ? GoToolchainFinder.ON_PATH : go;
        this.caBundles = List.copyOf(caBundles);
        this.registry = registry;
    }

    /** Compiles, assembles and publishes the plan's image. */
    public BuildResult build(BuildPlan plan, OutputSink log) throws IOException, InterruptedException {
        GoBinary binary = binary(plan);
        VersionStamps stamps = ((DockerfileSource.Generated) plan.dockerfile()).stamps();
        if (binary.importsC()) {
            throw new CgoRequiredException("the main package " + binary.mainPackage(), List.of());
        }
        noteDockerfile(plan, log);
        GoToolchain toolchain = new GoToolchainFinder(runner).find(go, environment,
            plan.module().map(module -> GoVersion.parse(module.goVersion())).orElse(null));
        log.line("gocb: go engine: compiling with " + toolchain.executable() + " (" + toolchain.version() + ") on the agent; no builder");
        Path work = Files.createTempDirectory(RunDirectories.ownedPrefix("gocb-build-"), PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------")));
        try {
            Instant created = created(plan);
            List<ImageAssembler.Compiled> compiled = new ArrayList<>();
            for (Platform platform : platforms(plan)) {
                String suffix = platform.toString().replace('/', '-');
                GoBuildCommand command = GoBuildCommand.of(binary, stamps, platform, plan.goBuildCache(), work.resolve("bin-" + suffix));
                compile(command, toolchain, plan, binary, log);
                ImageLayer layer = ImageLayer.write(work.resolve("layer-" + suffix + ".tar.gz"),
                    List.of(new ImageLayer.Entry(binary.binaryPath(), 0755, command.output())), created.getEpochSecond());
                compiled.add(new ImageAssembler.Compiled(platform, layer, history(command, toolchain)));
            }
            Path bundle = caBundle();
            Path passwd = Files.writeString(work.resolve("passwd"), PASSWD, StandardCharsets.UTF_8);
            ImageLayer base = ImageLayer.write(work.resolve("layer-base.tar.gz"), List.of(
                new ImageLayer.Entry(ImageAssembler.CERTIFICATES, 0644, bundle),
                new ImageLayer.Entry("/etc/passwd", 0644, passwd)), BASE_LAYER_TIME);
            AssembledImage image = new ImageAssembler(base, "CA certificates (the agent's " + bundle + ") and /etc/passwd (nonroot "
                + DockerfileGenerator.NONROOT_UID + ")", binary.binaryPath(), USER, labels(plan, binary), created).assemble(compiled);
            List<ImageReference> names = publish(plan, image, log);
            return new BuildResult(image.top().digest(), image.configDigest(), image.top().mediaType(), image.top().bytes().length, names,
                image.platforms());
        } finally {
            deleteTree(work);
        }
    }

    /** What {@link #build} would run and write, for {@code --dry-run}. */
    public String describe(BuildPlan plan) {
        GoBinary binary = binary(plan);
        VersionStamps stamps = ((DockerfileSource.Generated) plan.dockerfile()).stamps();
        StringBuilder text = new StringBuilder("Go engine (compiles on the agent, no builder)\n");
        text.append("  go:          ").append(go).append(go.equals(GoToolchainFinder.ON_PATH) ? " (on the PATH)" : "").append('\n');
        for (Platform platform : platforms(plan)) {
            GoBuildCommand command = GoBuildCommand.of(binary, stamps, platform, plan.goBuildCache(),
                Path.of("$GOCB_TMP", "bin-" + platform.toString().replace('/', '-')));
            text.append("  compile:     ").append(command.describe()).append('\n');
        }
        text.append("  layer 1:     ").append(ImageAssembler.CERTIFICATES).append(" (the agent's CA bundle), /etc/passwd (nonroot ")
            .append(DockerfileGenerator.NONROOT_UID).append(")\n");
        text.append("  layer 2:     ").append(binary.binaryPath()).append(" (one per platform)\n");
        text.append("  config:      user ").append(USER).append(", entrypoint ").append(binary.binaryPath()).append(", created ")
            .append(created(plan)).append('\n');
        text.append("  labels:      ").append(labels(plan, binary)).append('\n');
        if (plan.output() instanceof ImageOutput.RegistryPush push) {
            text.append("  push:        ").append(String.join(", ", push.names().stream().map(ImageReference::toString).toList()))
                .append(" (blobs the registry has are not sent)\n");
        } else if (plan.output() instanceof ImageOutput.OciArchive archive) {
            text.append("  output:      OCI image layout archive ").append(archive.file()).append('\n');
        }
        return text.toString();
    }

    /** The compile commands, as {@code --dry-run} reports them. */
    public List<String> commands(BuildPlan plan) {
        GoBinary binary = binary(plan);
        VersionStamps stamps = ((DockerfileSource.Generated) plan.dockerfile()).stamps();
        return platforms(plan).stream().map(platform -> GoBuildCommand.of(binary, stamps, platform, plan.goBuildCache(),
            Path.of("$GOCB_TMP", "bin-" + platform.toString().replace('/', '-'))).describe()).toList();
    }

    private static GoBinary binary(BuildPlan plan) {
        if (plan.dockerfile() instanceof DockerfileSource.Generated generated && generated.binary().isPresent()) {
            return generated.binary().get();
        }
        throw new IllegalArgumentException("the go engine builds plans of the generated Dockerfile, not " + plan.dockerfile().describe());
    }

    private static void noteDockerfile(BuildPlan plan, OutputSink log) {
        Path dockerfile = plan.contextDirectory().resolve("Dockerfile");
        if (Files.isRegularFile(dockerfile)) {
            log.line("gocb: note: the go engine does not read " + dockerfile + "; it builds what the generated Dockerfile would."
                + " BuildKit is the engine that builds your Dockerfile (leave the engine option out)");
        }
    }

    private static List<Platform> platforms(BuildPlan plan) {
        return plan.platforms().isEmpty() ? List.of(Platform.host()) : plan.platforms();
    }

    private void compile(GoBuildCommand command, GoToolchain toolchain, BuildPlan plan, GoBinary binary, OutputSink log)
        throws IOException, InterruptedException {
        log.line("gocb: " + command.describe());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CommandResult result = runner.run(command.command(toolchain.executable(), environment, plan.contextDirectory()), line -> {
            lines.add(line);
            log.line(line);
        });
        if (result.succeeded()) {
            return;
        }
        List<String> cgoPackages = cgoPackages(command, toolchain, plan, binary);
        if (!cgoPackages.isEmpty()) {
            throw new CgoRequiredException(binary.mainPackage() + " for " + command.platform(), cgoPackages);
        }
        throw GoCommandFailedException.explained("go build of " + binary.mainPackage() + " for " + command.platform() + " failed in "
                + plan.contextDirectory() + " (exit code " + result.exitCode() + ")", lines,
            "the compiler's messages above say why", "fix the code, or run the same command on the agent: " + command.describe());
    }

    /** The packages of the build that have cgo files besides the standard library's (which all build without cgo). */
    private List<String> cgoPackages(GoBuildCommand command, GoToolchain toolchain, BuildPlan plan, GoBinary binary)
        throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(command.settings());
        env.put("CGO_ENABLED", "1");
        List<String> lines = new ArrayList<>();
        CommandResult listed = runner.run(new Command(List.of(toolchain.executable().toString(), "list", "-deps", "-e",
            "-f", "{{if and .CgoFiles (not .Standard)}}{{.ImportPath}}{{end}}", binary.mainPackage()), env, plan.contextDirectory()), lines::add);
        return listed.succeeded() ? lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList() : List.of();
    }

    private static String history(GoBuildCommand command, GoToolchain toolchain) {
        List<String> arguments = new ArrayList<>(command.arguments());
        int output = arguments.indexOf("-o");
        arguments.subList(output, output + 2).clear(); // the temporary path would make the config differ from one build to the next
        return "go " + String.join(" ", arguments) + " (" + toolchain.version() + ", " + command.platform() + ")";
    }

    private Path caBundle() {
        return caBundles.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new GocbException(
            "the agent has no CA certificate bundle (looked for " + String.join(", ", caBundles.stream().map(Path::toString).toList()) + ")",
            "the go engine copies the agent's bundle into the image, so that the service can verify TLS servers",
            "install the CA certificates on the agent (Debian, Ubuntu: apt-get install ca-certificates; RHEL: dnf install ca-certificates),"
                + " or build with BuildKit (leave " + setting("engine") + " out), which takes them from the golang image"));
    }

    /** The generated Dockerfile's labels (title, version, revision), then the plan's. */
    private static Map<String, String> labels(BuildPlan plan, GoBinary binary) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", Path.of(binary.binaryPath()).getFileName().toString());
        labels.put("org.opencontainers.image.version", plan.buildArgs().getOrDefault(BuildPlanner.VERSION_ARG, "dev"));
        labels.put(OciLabels.REVISION, "unknown");
        labels.putAll(plan.labels());
        return labels;
    }

    private static Instant created(BuildPlan plan) {
        String epoch = plan.buildArgs().get(BuildPlanner.SOURCE_DATE_EPOCH_ARG);
        return epoch == null ? Instant.EPOCH : Instant.ofEpochSecond(Long.parseLong(epoch));
    }

    private List<ImageReference> publish(BuildPlan plan, AssembledImage image, OutputSink log) throws IOException, InterruptedException {
        if (plan.output() instanceof ImageOutput.RegistryPush push) {
            RegistryClient client = registry.orElseThrow(() -> new IllegalStateException("a push without a registry client"));
            new ImagePublisher(client).push(image, push.names(), log);
            return push.names();
        }
        if (plan.output() instanceof ImageOutput.OciArchive archive) {
            OciLayoutArchive.write(image, archive.file());
            log.line("gocb: wrote " + archive.file() + " (" + image.top().digest() + ")");
            return List.of();
        }
        throw new IllegalArgumentException("the go engine pushes or writes an OCI archive, not " + plan.output());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
