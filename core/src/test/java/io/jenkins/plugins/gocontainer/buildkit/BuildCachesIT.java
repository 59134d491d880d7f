package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.LayerCache;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caches that survive ephemeral builders: each build here runs on a buildkitd started for it with
 * empty state, as on a fresh Jenkins agent, and gets its warmth only from what the previous build
 * left in the registry or in an agent directory.
 */
@ExtendWith(RealEnvironment.Extension.class)
class BuildCachesIT {

    @Test
    void aRegistryLayerCacheIsCreatedOnFirstUseAndWarmsTheNextFreshBuilder(RealEnvironment env) throws Exception {
        String cache = env.registry().hostPort() + "/caches/greeter:buildcache";
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello-nodockerfile"))
            .mainPackage("./cmd/greeter")
            .namedContext(env.golangMirror())
            .layerCache(LayerCache.parse("registry=" + cache, java.nio.file.Path.of("").toAbsolutePath()))
            .image(env.registry().hostPort() + "/caches/greeter:layer-cache")
            .build();

        List<String> first = buildOnFreshBuilder(env, new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request));
        assertThat(RegistryProbe.manifest(env.registry(), "caches/greeter", "buildcache").status())
            .as("the cache missing on first use was created, not an error").isEqualTo(200);
        assertThat(compileStep(first)).as("the first build compiles").noneMatch(line -> line.endsWith(" CACHED"));

        List<String> second = buildOnFreshBuilder(env, new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request));

        assertThat(second).anyMatch(line -> line.contains("importing cache manifest from " + cache));
        assertThat(compileStep(second)).as("the compile step came from the registry cache").anyMatch(line -> line.endsWith(" CACHED"));
    }

    /**
     * The ephemeral-agent case: modules from the agent's cache, layers from the registry,
     * the Go build cache from an agent directory, and a one-line change, on a builder that has
     * never seen the service. The module cache mount starts empty there; the compile step fills it
     * from the agent's module cache.
     */
    @Test
    void aSeededGoBuildCacheRecompilesOnlyTheChangedPackageOnAFreshBuilder(RealEnvironment env) throws Exception {
        Path service = TestModules.copyExample(env.newDirectory("build-cache-").resolve("svc"));
        Path goBuildCache = Files.createDirectories(env.newDirectory("go-build-cache-").resolve("cache"));
        BuildRequest.Builder request = BuildRequest.builder(service)
            .namedContext(env.golangMirror())
            .moduleSource(new ModuleSource.ProxyDirectory(TestModules.cache()))
            .layerCache(LayerCache.parse("registry=" + env.registry().hostPort() + "/caches/modules:buildcache", java.nio.file.Path.of("").toAbsolutePath()))
            .goBuildCache(goBuildCache)
            .ociArchive(env.newDirectory("oci-").resolve("modules.oci.tar"));

        List<String> cold = buildOnFreshBuilder(env, new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request.build()));
        assertThat(compiled(cold)).as("a cold build compiles the dependencies").contains("github.com/spf13/cobra");
        try (Stream<Path> saved = Files.list(goBuildCache)) {
            assertThat(saved.count()).as("the build cache was copied out of the builder").isGreaterThan(10);
        }

        Path main = service.resolve("main.go");
        Files.writeString(main, Files.readString(main).replace("prints a YAML report", "prints a YAML report (changed)"));
        List<String> warm = buildOnFreshBuilder(env, new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request.build()));

        assertThat(warm).as("the builder stage's first step came from the registry layer cache")
            .anyMatch(line -> line.matches("#\\d+ CACHED") && warm.get(warm.indexOf(line) - 1).contains("WORKDIR /src"));
        assertThat(compiled(warm)).as("only the changed main package is compiled again").containsExactly("example.com/modules");
    }

    /**
     * The "exit 1 although every tag was pushed": a local layer cache whose export fails
     * (its file system is full) is a warning after a successful push, and the directory keeps what
     * it had. The file system is a 256 KiB tmpfs, far smaller than the build's layers.
     */
    @FaultSuite
    @Test
    void aLayerCacheThatCannotBeExportedIsAWarningAndTheImageIsPushed(RealEnvironment env) throws Exception {
        Path small = env.newDirectory("full-disk-");
        run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString());
        try {
            Path layerCache = small.resolve("layer-cache");
            BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello"))
                .namedContext(env.golangBase())
                .layerCache(LayerCache.parse("local=" + layerCache, small))
                .image(env.registry().hostPort() + "/faults/full-cache:1")
                .build();
            List<String> log = new ArrayList<>();

            BuildResult built = BuildctlBuildIT.builder(env).build(new BuildPlanner(small).plan(request), log::add);

            assertThat(RegistryProbe.manifest(env.registry(), "faults/full-cache", "1").computedDigest()).isEqualTo(built.digest());
            assertThat(log).anyMatch(line -> line.startsWith("gocb: warning: the layer cache could not be exported to " + layerCache)
                && line.contains("the image and its tags are pushed"));
            try (Stream<Path> left = Files.list(small)) {
                assertThat(left.map(path -> path.getFileName().toString())).as("no staging directory is left").noneMatch(name -> name.contains("incoming"));
            }
            assertThat(layerCache).doesNotExist();
        } finally {
            run("umount", small.toString());
        }
    }

    @FaultSuite
    @Test
    void aDamagedLocalLayerCacheIsWarnedAboutNotImportedAndReplacedByAWholeOne(RealEnvironment env) throws Exception {
        Path layerCache = env.newDirectory("damaged-cache-").resolve("layers");
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello"))
            .namedContext(env.golangBase())
            .layerCache(LayerCache.parse("local=" + layerCache, layerCache.getParent()))
            .ociArchive(layerCache.resolveSibling("hello.oci.tar"))
            .build();
        BuildctlBuildIT.builder(env).build(new BuildPlanner(layerCache.getParent()).plan(request), line -> { });
        Path someBlob;
        try (Stream<Path> blobs = Files.list(layerCache.resolve("blobs/sha256"))) {
            someBlob = blobs.max(java.util.Comparator.comparingLong(path -> path.toFile().length())).orElseThrow();
        }
        Files.delete(someBlob);
        List<String> log = new ArrayList<>();

        BuildctlBuildIT.builder(env).build(new BuildPlanner(layerCache.getParent()).plan(request), log::add);

        assertThat(log).anyMatch(line -> line.equals("gocb: warning: the layer cache in " + layerCache + " is damaged (blob sha256:"
            + someBlob.getFileName() + " is missing); this build does not import it and replaces it with what it exports"));
        assertThat(new io.jenkins.plugins.gocontainer.plan.LayerCacheExchange.Local(layerCache).damage()).as("the replaced cache").isEmpty();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (this fault test mounts a tmpfs and needs root, as ./dev/test runs): " + output);
        }
    }

    /** Runs one build on a buildkitd started with empty state for it, stopped afterwards; returns the log. */
    private static List<String> buildOnFreshBuilder(RealEnvironment env, BuildPlan plan) throws Exception {
        EmbeddedBuilder fresh = new EmbeddedBuilder(env.newDirectory("fresh-builder-"), new io.jenkins.plugins.gocontainer.exec.CommandRunner(io.jenkins.plugins.gocontainer.exec.SecretMasker.none(), System.getenv()));
        List<String> log = new ArrayList<>();
        try {
            new ImageBuilder(new BuildctlDriver(fresh.start()), new CommandRunner(new SecretMasker(), System.getenv())).build(plan, log::add);
        } finally {
            fresh.stop();
        }
        return log;
    }

    /** The progress lines of the generated Dockerfile's compile step (the RUN with go build). */
    private static List<String> compileStep(List<String> log) {
        String step = log.stream().filter(line -> line.matches("#\\d+ \\[builder \\d+/\\d+] RUN .*go build -v .*"))
            .map(line -> line.substring(0, line.indexOf(' '))).findFirst()
            .orElseThrow(() -> new AssertionError("no compile step in the log:\n" + String.join("\n", log)));
        return log.stream().filter(line -> line.startsWith(step + " ")).toList();
    }

    /** The packages go build -v reported compiling: "#12 1.234 github.com/spf13/cobra". */
    private static List<String> compiled(List<String> log) {
        return compileStep(log).stream()
            .map(line -> line.split(" ", 3))
            .filter(parts -> parts.length == 3 && parts[1].matches("\\d+\\.\\d+") && parts[2].matches("[a-z0-9.-]+(/[A-Za-z0-9._~-]+)*"))
            .map(parts -> parts[2])
            .toList();
    }
}
