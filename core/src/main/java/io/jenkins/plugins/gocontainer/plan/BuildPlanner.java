package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.cache.FileReplacement;
import io.jenkins.plugins.gocontainer.gates.OciLayoutTar;

import io.jenkins.plugins.gocontainer.gomod.GoModFile;
import io.jenkins.plugins.gocontainer.gomod.GoVersion;
import io.jenkins.plugins.gocontainer.gomod.InconsistentVendoringException;
import io.jenkins.plugins.gocontainer.gomod.VendorConsistency;
import io.jenkins.plugins.gocontainer.gomod.VendorManifest;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a {@link BuildRequest} against the file system and turns it into a {@link BuildPlan}.
 * Every mistake is reported here, with its fix, before a builder is contacted.
 */
public final class BuildPlanner {

    public static final String VERSION_ARG = "VERSION";
    /** reproducible-builds.org's name, which BuildKit reads for the image's times (see {@link BuildPlan#reproducible()}). */
    public static final String SOURCE_DATE_EPOCH_ARG = "SOURCE_DATE_EPOCH";

    private static final Pattern ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|PASSWD|TOKEN|SECRET|PRIVATE_?KEY|CREDENTIAL|API_?KEY|NETRC).*");
    private static final int MODULE_SEARCH_DEPTH = 4;

    private final Path workingDirectory;

    /** @param workingDirectory where the default OCI archive is written when no image name is given */
    public BuildPlanner(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public BuildPlan plan(BuildRequest given) {
        Path context = requireDirectory(given.contextDirectory());
        List<String> notes = new ArrayList<>();
        BuildRequest request = withCommittedVendor(given, context, notes);
        Optional<GoModule> module = findModule(context, request.generatedDockerfile() || generatesDockerfile(context, request.dockerfile()));
        DockerfileSource dockerfile = resolveDockerfile(request, context, module);
        ImageOutput output = output(request, module);
        Map<String, String> buildArgs = buildArgs(request, dockerfile);
        List<Platform> platforms = request.platforms().stream().flatMap(p -> Stream.of(p.split(","))).map(String::strip).filter(p -> !p.isEmpty())
            .map(Platform::parse).distinct().toList();
        DockerfileImages images = DockerfileImages.parse(text(dockerfile), buildArgs, DockerfileImages.platformArgs(platforms));
        BaseImageMappings.Resolved baseImages = BaseImageMappings.resolve(request.namedContexts(), request.defaultNamedContexts(), images,
            dockerfileName(dockerfile, context));
        return new BuildPlan(
            context,
            dockerfile,
            module,
            request.target().filter(t -> !t.isBlank()),
            buildArgs,
            platforms,
            labels(request.labels()),
            namedContexts(baseImages.contexts(), request, context),
            request.secrets(),
            existingSshSources(request.sshMounts()),
            request.hostMappings(),
            output,
            request.noCache(),
            layerCaches(request, output),
            Stream.concat(notes.stream(), baseImages.notes().stream()).toList());
    }

    /**
     * A module with a committed vendor/ (and Go 1.14 or later) builds from it, as the go command
     * does by default: the generated Dockerfile then downloads nothing. A vendor/ that does not
     * match go.mod fails the same way go would, before the build.
     */
    private static BuildRequest withCommittedVendor(BuildRequest request, Path context, List<String> notes) {
        boolean generated = request.generatedDockerfile() || request.dockerfile().isEmpty() && !Files.isRegularFile(context.resolve("Dockerfile"));
        Path vendor = context.resolve("vendor");
        if (!generated || !(request.moduleSource() instanceof ModuleSource.Download) || !Files.isRegularFile(vendor.resolve(VendorManifest.FILE))
            || !Files.isRegularFile(context.resolve("go.mod"))) {
            return request;
        }
        try {
            GoModFile goMod = GoModFile.read(context.resolve("go.mod"));
            if (goMod.goVersion() == null || goMod.goVersion().compareTo(GoVersion.parse("1.14")) < 0) {
                return request;
            }
            List<String> problems = VendorConsistency.problems(goMod, VendorManifest.read(vendor));
            if (!problems.isEmpty()) {
                throw new InconsistentVendoringException(context, problems);
            }
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot read " + vendor.resolve(VendorManifest.FILE) + ": " + e.getMessage(),
                "a committed vendor/ is built from, as go does, so gocb checks it against go.mod", "check the files' permissions");
        }
        notes.add("gocb: note: building from the committed vendor/ (-mod=vendor, as go does when vendor/modules.txt matches go.mod);"
            + " nothing is downloaded");
        return request.toBuilder().moduleSource(new ModuleSource.Vendor()).build();
    }

    private static String text(DockerfileSource dockerfile) {
        try {
            return dockerfile.text();
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot read the Dockerfile " + dockerfile.describe() + ": " + e.getMessage(),
                "gocb reads it to match the base-image replacements to its FROM lines", "check the file's permissions");
        }
    }

    private static String dockerfileName(DockerfileSource dockerfile, Path context) {
        return dockerfile instanceof DockerfileSource.Existing existing
            ? (existing.file().startsWith(context) ? context.relativize(existing.file()).toString() : existing.file().toString())
            : "the generated Dockerfile";
    }


    /** SSH forwarding reads its sockets and keys when the build starts: one that is missing is found now, not mid-build. */
    private static List<SshMount> existingSshSources(List<SshMount> mounts) {
        for (SshMount mount : mounts) {
            for (Path source : mount.sources()) {
                if (!Files.exists(source)) {
                    throw new InvalidBuildRequestException("SSH forwarding " + mount.id() + ": " + source + " does not exist",
                        "BuildKit forwards an ssh-agent socket or signs with key files that the client reads when the build starts",
                        "give {@ssh} " + mount.id() + "=PATH with an existing socket or key file, or " + mount.id()
                            + " alone for the agent in SSH_AUTH_SOCK");
                }
            }
        }
        return mounts;
    }

    private static Path requireDirectory(Path given) {
        Path context = given.toAbsolutePath().normalize();
        if (!Files.isDirectory(context)) {
            throw new InvalidBuildRequestException("build context " + context + " is not a directory",
                "the context is the directory sent to BuildKit; for a Go service it is the module root, where go.mod is",
                "pass {@context} with the directory that holds go.mod and go.sum");
        }
        return context;
    }

    /**
     * The Dockerfile gocb would generate for the module at {@code context}, whether or not the
     * service has its own: what {@code gocb dockerfile} prints for teams to adopt.
     */
    public String generatedDockerfile(Path context, String mainPackage) {
        return generatedDockerfile(BuildRequest.builder(context).mainPackage(mainPackage).build());
    }

    /**
     * The Dockerfile a build of {@code request} would generate, shaped by every option that shapes it
     * (main package, module source, Go build cache transfer, layer caches, stamped variables), whether or
     * not the service has its own.
     */
    public String generatedDockerfile(BuildRequest request) {
        Path context = requireDirectory(request.contextDirectory());
        return generate(request, context, findModule(context, true).orElseThrow()).content();
    }

    /**
     * Whether a build of {@code context} uses the generated Dockerfile: no Dockerfile was named and the
     * context has none of its own.
     */
    public static boolean generatesDockerfile(Path context, Optional<Path> dockerfile) {
        return dockerfile.isEmpty() && !Files.isRegularFile(context.resolve("Dockerfile"));
    }

    /**
     * Finds the module the build is about. The seeds' most common "works locally, fails in Docker"
     * cause is a context that does not contain go.mod: say so precisely.
     */
    private Optional<GoModule> findModule(Path context, boolean moduleRootRequired) {
        Path goMod = context.resolve("go.mod");
        if (Files.isRegularFile(goMod)) {
            GoModule module = readModule(goMod);
            if (module.hasRequirements() && !Files.isRegularFile(context.resolve("go.sum"))) {
                throw new InvalidBuildRequestException("go.sum is missing from the build context " + context,
                    "go.mod requires other modules, and without go.sum the build cannot verify them ('missing go.sum entry')",
                    "run 'go mod tidy' in " + context + " and commit go.sum; check that .dockerignore does not exclude it");
            }
            return Optional.of(module);
        }
        for (Path parent = context.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent.resolve("go.mod"))) {
                String relative = "./" + parent.relativize(context).toString().replace('\\', '/');
                throw new InvalidBuildRequestException(
                    "go.mod is outside the build context: found " + parent.resolve("go.mod") + ", but the context is " + context,
                    "BuildKit sees only the context directory, so 'go build' inside the image would not find the module;"
                        + " the build context must contain go.mod and go.sum",
                    "use the module root as context and name the package: {@context} " + parent + " {@mainPackage} " + relative);
            }
        }
        if (!moduleRootRequired && hasNestedModule(context)) {
            return Optional.empty();
        }
        throw new InvalidBuildRequestException("no go.mod in the build context " + context,
            "a Go service is built from its module root; without go.mod the build fails with 'go: cannot find main module'",
            "point {@context} at the directory holding go.mod and go.sum, or create them with 'go mod init <module path>' and 'go mod tidy'");
    }

    private static boolean hasNestedModule(Path context) {
        try (Stream<Path> files = Files.find(context, MODULE_SEARCH_DEPTH, (path, attrs) -> attrs.isRegularFile() && path.getFileName().toString().equals("go.mod"))) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + context + " for go.mod", e);
        }
    }

    private static GoModule readModule(Path goMod) {
        try {
            return GoModule.read(goMod);
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot read " + goMod + ": " + e.getMessage(),
                "the file exists but is not readable by the user running the build", "check its permissions");
        }
    }

    private static DockerfileSource resolveDockerfile(BuildRequest request, Path context, Optional<GoModule> module) {
        if (request.dockerfile().isPresent()) {
            Path given = request.dockerfile().get();
            Path file = (given.isAbsolute() ? given : context.resolve(given)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidBuildRequestException("Dockerfile " + file + " does not exist",
                    "the path given with {@dockerfile} is resolved against the context directory " + context,
                    "fix the path, or leave {@dockerfile} out to build with the generated best-practice Dockerfile"
                        + " ('gocb dockerfile --context " + context + " > " + file + "' writes it so you can adopt it)");
            }
            return existing(request, file);
        }
        if (!request.generatedDockerfile() && !generatesDockerfile(context, request.dockerfile())) {
            return existing(request, context.resolve("Dockerfile"));
        }
        return generate(request, context, module.orElseThrow());
    }

    private static DockerfileSource.Generated generate(BuildRequest request, Path context, GoModule goModule) {
        boolean hasGoSum = Files.isRegularFile(context.resolve("go.sum"));
        List<String> localModules = localModules(context);
        requireNotIgnored(context, request, hasGoSum, localModules);
        String mainPackage = DockerfileGenerator.normalisePackage(request.mainPackage());
        MainPackages.require(context, goModule.modulePath(), mainPackage);
        VersionStamps stamps = VersionStamps.plan(context, mainPackage, request.ldflagsVars(), request.version(), request.versionGiven(),
            request.buildFacts());
        DockerfileGenerator generator = new DockerfileGenerator(goModule, request.mainPackage(), hasGoSum);
        GoBinary binary = new GoBinary(mainPackage, generator.binaryPath(), request.moduleSource(),
            MainPackageSource.read(context.resolve(mainPackage).normalize()).imports().contains("C"));
        return new DockerfileSource.Generated(generator
            .withStamps(stamps)
            .withLocalModules(localModules)
            .withAccess(ModuleDownloadAccess.of(request))
            .withModuleSource(request.moduleSource())
            .withBuildCacheTransfer(request.goBuildCache().isPresent())
            .withModulesInLayer(request.moduleSource() instanceof ModuleSource.Download
                && request.layerCaches().stream().anyMatch(cache -> cache.kind() != LayerCache.Kind.INLINE))
            .generate(), stamps, Optional.of(binary));
    }

    /**
     * The service's own Dockerfile decides where modules and caches come from: options that only
     * the generated Dockerfile implements are refused rather than silently ignored.
     */
    private static DockerfileSource existing(BuildRequest request, Path file) {
        List<String> generatedOnly = new ArrayList<>();
        if (!DockerfileGenerator.normalisePackage(request.mainPackage()).equals(".")) {
            generatedOnly.add("{@mainPackage}");
        }
        if (request.moduleSource() instanceof ModuleSource.ProxyDirectory) {
            generatedOnly.add("{@moduleCache}");
        }
        if (request.moduleSource() instanceof ModuleSource.Vendor) {
            generatedOnly.add("{@vendored}");
        }
        if (request.goBuildCache().isPresent()) {
            generatedOnly.add("{@goBuildCache}/{@cacheStore}");
        }
        if (!request.ldflagsVars().isEmpty()) {
            generatedOnly.add("{@" + LdflagsVar.SETTING + "}");
        }
        if (!generatedOnly.isEmpty()) {
            throw new InvalidBuildRequestException(String.join(", ", generatedOnly) + " cannot be used with the Dockerfile " + file,
                "these options change the generated Dockerfile (main package, module source, Go build cache transfer, variables stamped"
                    + " with -ldflags -X); a Dockerfile of your own decides that itself, so they would be ignored",
                "build with the generated Dockerfile although the context has its own ({@dockerfile} generated; gocb dockerfile prints it),"
                    + " or drop the options");
        }
        return new DockerfileSource.Existing(file);
    }

    private static Map<String, String> buildArgs(BuildRequest request, DockerfileSource dockerfile) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put(VERSION_ARG, request.version());
        for (Map.Entry<String, String> arg : request.buildArgs().entrySet()) {
            String name = arg.getKey();
            if (!ARG_NAME.matcher(name).matches()) {
                throw new InvalidBuildRequestException("invalid build argument name '" + name + "'",
                    "build argument names are letters, digits and '_', not starting with a digit", "rename it, e.g. GO_VERSION");
            }
            if (SECRET_LIKE.matcher(name).matches()) {
                throw new InvalidBuildRequestException("build argument " + name + " looks like a secret",
                    "build arguments are stored in the image history and visible to anyone who can pull the image",
                    "pass it as a BuildKit secret instead ({@buildSecrets} id=" + name.toLowerCase() + ",src=FILE, read in the Dockerfile with"
                        + " RUN --mount=type=secret,id=" + name.toLowerCase() + ")");
            }
            args.put(name, arg.getValue());
        }
        if (dockerfile instanceof DockerfileSource.Generated generated) {
            args.putAll(generated.stamps().buildArgs());
        }
        request.sourceDateEpoch().ifPresent(epoch -> args.putIfAbsent(SOURCE_DATE_EPOCH_ARG, Long.toString(epoch.getEpochSecond())));
        return args;
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        for (String key : labels.keySet()) {
            if (key.isBlank() || key.contains("=") || key.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidBuildRequestException("invalid label key '" + key + "'",
                    "label keys are non-empty and contain no '=' or white space", "use reverse-DNS keys such as org.opencontainers.image.source");
            }
        }
        return labels;
    }

    /**
     * The directories go.mod's replace directives point at. One outside the context is the seeds'
     * "works locally, fails in Docker": BuildKit cannot see it, so say so before the build.
     */
    private static List<String> localModules(Path context) {
        GoModFile goMod;
        try {
            goMod = GoModFile.read(context.resolve("go.mod"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // the go command reports a broken go.mod better, with its line number
        }
        List<String> directories = new ArrayList<>();
        for (GoModFile.Replacement replacement : goMod.replacements()) {
            String target = replacement.replacement().path();
            if (!(target.startsWith("./") || target.startsWith("../") || target.equals(".") || target.equals(".."))) {
                continue;
            }
            Path directory = context.resolve(target).normalize();
            if (!directory.startsWith(context)) {
                throw new InvalidBuildRequestException("go.mod replaces " + replacement.old().path() + " with " + target + ", outside the build context",
                    "BuildKit sees only the context " + context + ", so the replaced module does not exist inside the build"
                        + " (it works locally because the directory is there)",
                    "move the module into the context, make the context a common parent ({@context} with {@mainPackage}), or use a"
                        + " published version or a go.work-free replacement inside the repository");
            }
            if (!directory.equals(context)) {
                directories.add(context.relativize(directory).toString().replace('\\', '/'));
            }
        }
        return directories;
    }

    /**
     * The seeds' ".dockerignore excludes go.mod/go.sum/vendor": the files exist, so it works
     * locally, and the build fails with 'go.mod file not found' or 'inconsistent vendoring'.
     */
    private static void requireNotIgnored(Path context, BuildRequest request, boolean hasGoSum, List<String> localModules) {
        DockerIgnore ignore = DockerIgnore.of(context);
        List<String> needed = new ArrayList<>(List.of("go.mod"));
        if (hasGoSum) {
            needed.add("go.sum");
        }
        if (request.moduleSource() instanceof ModuleSource.Vendor) {
            needed.add("vendor/modules.txt");
        }
        localModules.forEach(directory -> needed.add(directory + "/go.mod"));
        for (String file : needed) {
            ignore.excludingLine(file).ifPresent(line -> {
                throw new InvalidBuildRequestException(".dockerignore excludes " + file + " (line '" + line + "')",
                    "BuildKit leaves ignored files out of the build context, so the build would not see " + file
                        + " although it exists here: 'works locally, fails in Docker'",
                    "remove that line from " + context.resolve(".dockerignore") + ", or add '!" + file + "' after it");
            });
        }
    }

    /** The user's named contexts, plus the agent's module cache and Go build cache when the build reads them. */
    private static List<NamedContext> namedContexts(List<NamedContext> baseImages, BuildRequest request, Path context) {
        List<NamedContext> contexts = new ArrayList<>(baseImages);
        if (request.moduleSource() instanceof ModuleSource.ProxyDirectory proxy) {
            Path download = proxy.downloadDirectory().toAbsolutePath().normalize();
            if (!Files.isDirectory(download)) {
                throw new InvalidBuildRequestException("the module cache " + proxy.moduleCache() + " has no cache/download directory",
                    "a hermetic build reads the modules from the cache that 'gocb vendor --mode download' fills, and this one was not filled",
                    "run gocb vendor --context " + context + " --mode download --module-cache " + proxy.moduleCache() + " first");
            }
            contexts.add(NamedContext.localDirectory(ModuleSource.ProxyDirectory.CONTEXT_NAME, download));
        }
        if (request.moduleSource() instanceof ModuleSource.Vendor && !Files.isRegularFile(context.resolve("vendor/modules.txt"))) {
            throw new InvalidBuildRequestException("no vendor/modules.txt in the build context " + context,
                "a vendored build compiles with -mod=vendor and downloads nothing, so vendor/ must be complete",
                "run gocb vendor --context " + context + " --mode vendor (or go mod vendor), and check .dockerignore does not exclude vendor/");
        }
        request.goBuildCache().ifPresent(directory -> {
            if (!Files.isDirectory(directory)) {
                throw new InvalidBuildRequestException("the Go build cache directory " + directory + " does not exist",
                    "the build seeds a fresh builder's build cache from it and saves the cache back into it afterwards",
                    "create it (an empty directory is fine for the first build) or restore it from your cache store first");
            }
            contexts.add(NamedContext.localDirectory(DockerfileGenerator.BUILD_CACHE_CONTEXT, directory));
        });
        return contexts;
    }

    /**
     * A local layer cache is replaced after every build, so it may only be a directory gocb can
     * prove it wrote: absent, empty, or an OCI layout. Anything else holds the user's files.
     */
    private static Path requireCacheDirectory(Path directory) {
        if (Files.isRegularFile(directory) || (Files.exists(directory) && !Files.isDirectory(directory))) {
            throw new InvalidBuildRequestException("the layer cache path " + directory + " is a file, not a directory",
                "the local layer cache is a directory that each build replaces with what it exported",
                "give {@caches} local= a directory of its own, e.g. local=" + directory + ".buildcache");
        }
        if (Files.isDirectory(directory) && !Files.isRegularFile(directory.resolve("oci-layout")) && !isEmpty(directory)) {
            throw new InvalidBuildRequestException("the layer cache directory " + directory + " already holds files that are not a layer cache",
                "each build replaces the whole cache directory with what it exported, which would delete these files; gocb replaces only"
                    + " an OCI layout it wrote (with an oci-layout file) or an empty directory",
                "give {@caches} local= a directory of its own, e.g. local=" + directory.resolve(".buildcache") + ", or empty this one");
        }
        requireWritable(directory.toAbsolutePath().getParent(), directory);
        if (Files.isDirectory(directory)) {
            requireWritable(directory, directory);
        }
        return directory;
    }

    /** The build stages its export beside the cache directory and renames it into place: both need write access. */
    private static void requireWritable(Path directory, Path cache) {
        Path existing = FileReplacement.nearestExisting(directory);
        if (Files.exists(existing) && !Files.isWritable(existing)) {
            throw new InvalidBuildRequestException("cannot use the layer cache directory " + cache + ": " + existing + " is not writable by "
                + System.getProperty("user.name"),
                "each build exports its cache next to " + cache + " and moves it into place, which needs write permission on " + existing
                    + " (its mode and owner, or a read-only mount, forbid it)",
                "give {@caches} local= a directory the build user may write, or fix the permissions of " + existing);
        }
    }

    private static boolean isEmpty(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new InvalidBuildRequestException("cannot read the layer cache directory " + directory + ": " + e.getMessage(),
                "the build user may not read it", "check its permissions, or give {@caches} local= another directory");
        }
    }

    private static List<LayerCacheExchange> layerCaches(BuildRequest request, ImageOutput output) {
        List<LayerCacheExchange> caches = new ArrayList<>();
        Optional<ImageReference> pushed = output instanceof ImageOutput.RegistryPush push ? Optional.of(push.names().get(0)) : Optional.empty();
        for (LayerCache cache : request.layerCaches()) {
            switch (cache.kind()) {
                case LOCAL -> caches.add(new LayerCacheExchange.Local(requireCacheDirectory(cache.directory())));
                case REGISTRY -> {
                    ImageReference reference = cache.reference() != null ? ImageReference.parse(cache.reference())
                        : pushed.map(name -> name.withTag("buildcache")).orElseThrow(() -> new InvalidBuildRequestException(
                            "{@caches} registry has no image to name the cache after",
                            "without a reference the cache is kept as REPO:buildcache of the pushed image, and this build writes an OCI archive",
                            "give the cache image: {@caches} registry=registry.example.com/team/app:buildcache"));
                    caches.add(new LayerCacheExchange.Registry(reference, insecure(request, reference)));
                }
                case INLINE -> caches.add(new LayerCacheExchange.Inline(pushed.orElseThrow(() -> new InvalidBuildRequestException(
                    "{@caches} inline needs a pushed image", "an inline cache travels inside the pushed image and is imported from it next time",
                    "push with {@images}, or use {@caches} local=DIR for an OCI archive build")), insecure(request, pushed.get())));
            }
        }
        return caches;
    }

    private static boolean insecure(BuildRequest request, ImageReference reference) {
        return reference.isLoopbackRegistry() || request.insecureRegistries().contains(reference.registry());
    }

    private ImageOutput output(BuildRequest request, Optional<GoModule> module) {
        if (!request.images().isEmpty() && request.ociArchive().isPresent()) {
            throw new InvalidBuildRequestException("both image names and an OCI archive were given",
                "a build either pushes to a registry or writes an OCI archive", "drop {@images} or {@ociArchive}");
        }
        if (request.images().isEmpty()) {
            Path archive = request.ociArchive().orElseGet(() ->
                workingDirectory.resolve(module.map(GoModule::binaryName).orElse("image") + ".oci.tar"));
            Path absolute = archive.toAbsolutePath().normalize();
            if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
                throw new InvalidBuildRequestException("cannot write the OCI archive " + absolute + ": its directory does not exist",
                    "the archive's parent directory is not created automatically", "create " + absolute.getParent() + " or choose another path");
            }
            FileReplacement.requireReplaceable(absolute, "an OCI archive", "ociArchive", "image.oci.tar", OciLayoutTar::is);
            return new ImageOutput.OciArchive(absolute);
        }
        List<ImageReference> names = new ArrayList<>();
        for (String image : request.images()) {
            ImageReference reference = ImageReference.parse(image);
            if (reference.digest() != null) {
                throw new InvalidBuildRequestException("cannot push to '" + image + "': it names a digest",
                    "a digest identifies content that already exists; a build pushes under a tag",
                    "give a tag (" + reference.name() + ":1.2.3) or no tag for latest");
            }
            names.add(reference.tag() == null ? reference.withTag("latest") : reference);
        }
        long insecure = names.stream().filter(n -> n.isLoopbackRegistry() || request.insecureRegistries().contains(n.registry())).count();
        if (insecure != 0 && insecure != names.size()) {
            throw new InvalidBuildRequestException("the image names mix insecure (HTTP) and secure registries",
                "one push uses one transport setting for all its names, and plain HTTP must never be used for a TLS registry",
                "push to one registry, then copy the tags to the other with 'gocb push-tags'");
        }
        return new ImageOutput.RegistryPush(names, insecure > 0);
    }
}
