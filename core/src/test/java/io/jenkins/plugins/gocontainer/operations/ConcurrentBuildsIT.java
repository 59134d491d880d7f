package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.cache.CacheKey;
import io.jenkins.plugins.gocontainer.cache.DirectoryCacheStore;
import io.jenkins.plugins.gocontainer.cache.RestoreResult;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.plan.GoModule;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.RunLeftovers;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One agent JVM running four builds at once, as parallel pipeline branches do: one embedded
 * builder, one local layer cache directory and one cache store (holding the Go build cache) shared
 * by all of them. Every build succeeds, and the shared directories are consistent afterwards.
 */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class ConcurrentBuildsIT {

    private static final int BUILDS = 4;

    @Test
    void fourBuildsSharingOneBuilderLayerCacheAndCacheStoreAllSucceedAndLeaveConsistentCaches(RealEnvironment env) throws Exception {
        Path shared = env.newDirectory("shared-caches-");
        Path layerCache = shared.resolve("layers");
        Path store = shared.resolve("store");
        BuilderSettings builder = new BuilderSettings(null, null, null, null, null, BuilderSettings.Driver.BUILDCTL, null,
            env.embeddedBuilder().stateDirectory().toString());
        RunLeftovers temporaries = RunLeftovers.watch(OperationFixture::temporaryOfABuild);
        List<Callable<GoDockerBuildResult>> builds = new ArrayList<>();
        List<OperationFixture.Log> logs = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < BUILDS; i++) {
            Path workspace = env.newDirectory("concurrent-" + i + "-");
            TestModules.copyExample(workspace.resolve("svc"));
            GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
                .context("svc")
                .image(env.registry().hostPort() + "/concurrent/modules-" + i + ":1")
                .appVersion("1.0." + i)
                .baseImage(OperationFixture.golangBase(env))
                .moduleCache(TestModules.cache().toString())
                .cache("local=" + layerCache)
                .cacheStore("dir=" + store)
                .buildkit(builder)
                .build();
            OperationFixture.Log log = new OperationFixture.Log();
            logs.add(log);
            OperationContext context = OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log);
            builds.add(() -> {
                start.await();
                return new GoDockerBuild().run(spec, context);
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(BUILDS);
        List<GoDockerBuildResult> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        try {
            List<Future<GoDockerBuildResult>> futures = builds.stream().map(pool::submit).toList();
            start.countDown();
            for (int i = 0; i < BUILDS; i++) {
                try {
                    results.add(futures.get(i).get(10, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(new AssertionError("build " + i + " failed: " + e.getCause() + "\n" + tail(logs.get(i)), e.getCause()));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }

        assertThat(failures).as("builds that failed").isEmpty();
        assertThat(results).extracting(GoDockerBuildResult::outcome).containsOnly(GateOutcome.PASSED);
        assertThat(results).extracting(GoDockerBuildResult::digest).doesNotHaveDuplicates();
        for (int i = 0; i < BUILDS; i++) {
            assertThat(RegistryProbe.manifest(env.registry(), "concurrent/modules-" + i, "1").computedDigest()).as("modules-" + i)
                .isEqualTo(results.get(i).digest());
        }

        assertThat(layerCache.resolve("index.json")).as("the shared local layer cache is an OCI layout").isRegularFile();
        try (Stream<Path> blobs = Files.list(layerCache.resolve("blobs/sha256"))) {
            assertThat(blobs.count()).isPositive();
        }
        assertThat(OperationFixture.entries(shared, name -> name.contains(".incoming"))).as("staging directories next to " + layerCache).isEmpty();

        assertThat(OperationFixture.entries(store, name -> name.startsWith(".gocb-tmp-"))).as("unfinished saves in the store").isEmpty();
        List<String> archives = OperationFixture.entries(store, name -> name.endsWith(".tar.gz"));
        assertThat(archives).as("one Go build cache entry, saved once").singleElement().asString().startsWith("gobuild-go");
        assertThat(OperationFixture.entries(store, name -> name.endsWith(".tar.gz.json"))).containsExactly(archives.get(0) + ".json");
        Path restored = env.newDirectory("restored-go-build-cache-");
        RestoreResult restore = new DirectoryCacheStore(store).restore(goBuildKey(), restored);
        assertThat(restore.outcome()).as(restore.warning().orElse("")).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(restore.warning()).isEmpty();
        try (Stream<Path> files = Files.list(restored)) {
            assertThat(files.count()).as("the restored Go build cache has content").isGreaterThan(10);
        }

        assertThat(temporaries.added()).as("temporary directories left in " + RunLeftovers.TMP).isEmpty();
    }

    /** The key GoDockerBuild saves the Go build cache of examples/modules under. */
    private static CacheKey goBuildKey() throws Exception {
        Path module = ProjectLayout.example(TestModules.EXAMPLE);
        return CacheKey.goBuild(Files.readAllBytes(module.resolve("go.sum")), "go" + GoModule.read(module.resolve("go.mod")).builderImageTag(),
            "linux", Platform.host().architecture());
    }

    private static String tail(OperationFixture.Log log) {
        List<String> lines = log.lines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
