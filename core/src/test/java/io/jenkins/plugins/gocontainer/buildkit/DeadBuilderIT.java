package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.SecretMount;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -KILL} of the embedded buildkitd during a build with a {@code --secret}: the dead
 * builder leaves the secret in plain text on a mounted tmpfs and the build step's container running
 * with parent 1. Starting the embedded builder again removes both, says so, and builds.
 */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class DeadBuilderIT {

    private static final CommandRunner RUNNER = new CommandRunner(SecretMasker.none(), System.getenv());

    @Test
    void startingAgainAfterAKilledBuilderRemovesItsSecretMountsAndContainers(RealEnvironment env) throws Exception {
        EmbeddedBuilder builder = new EmbeddedBuilder(env.newDirectory("builder-").resolve("buildkit"), RUNNER);
        Path state = builder.stateDirectory();
        Path module = slowModule(env, "--mount=type=secret,id=token sh -c 'echo started; sleep 300'");
        String secret = "plain-text-token-" + System.nanoTime();
        Path token = Files.writeString(env.newDirectory("token-").resolve("token"), secret);
        BuildPlan plan = new BuildPlanner(module).plan(BuildRequest.builder(module).namedContext(env.golangBase())
            .secret(new SecretMount("token", token)).ociArchive(module.resolve("out.oci.tar")).noCache(true).build());
        try {
            BuilderConnection connection = builder.start();
            CountDownLatch started = new CountDownLatch(1);
            Thread build = new Thread(() -> {
                try {
                    new ImageBuilder(new BuildctlDriver(connection), RUNNER).build(plan, line -> {
                        if (line.endsWith(" started")) {
                            started.countDown();
                        }
                    });
                } catch (Exception expected) {
                    // the builder is killed under it
                }
            }, "dead-builder-build");
            build.start();
            assertThat(started.await(2, TimeUnit.MINUTES)).as("the secret step started").isTrue();

            ProcessHandle buildkitd = builder.process().orElseThrow();
            buildkitd.destroyForcibly();
            buildkitd.onExit().get(10, TimeUnit.SECONDS);
            build.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(secretFilesUnder(state, secret)).as("the fault: the secret is left on a mounted tmpfs").isNotEmpty();
            assertThat(DeadBuilderLeftovers.containersIn(runcList(), state)).as("the fault: the step's container still runs").isNotEmpty();

            List<String> log = Collections.synchronizedList(new ArrayList<>());
            builder.withLog(log::add).start();

            assertThat(log).anyMatch(line -> line.startsWith("gocb: the embedded builder had stopped without cleaning up")
                && line.contains("1 build-step container(s)") && line.contains("holding secrets"));
            assertThat(secretFilesUnder(state, secret)).isEmpty();
            assertThat(DeadBuilderLeftovers.mountsUnder(state, Files.readString(Path.of("/proc/self/mountinfo")))).isEmpty();
            assertThat(DeadBuilderLeftovers.containersIn(runcList(), state)).isEmpty();
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 300")
                && p.parent().map(ProcessHandle::pid).orElse(0L) == 1)).as("the step's process").isEmpty();
            assertThat(builder.answers()).isTrue();
        } finally {
            builder.stop();
            new DeadBuilderLeftovers(state, RUNNER).remove(line -> { });
        }
    }

    @Test
    void theEmbeddedBuilderStoppingMidBuildIsRestartedAndTheBuildRetriedOnce(RealEnvironment env) throws Exception {
        EmbeddedBuilder builder = new EmbeddedBuilder(env.newDirectory("builder-").resolve("buildkit"), RUNNER);
        Path module = slowModule(env, "echo started && sleep 3");
        Path archive = module.resolve("out.oci.tar");
        BuildPlan plan = new BuildPlanner(module).plan(BuildRequest.builder(module).namedContext(env.golangBase()).ociArchive(archive).noCache(true).build());
        try {
            BuilderConnection connection = builder.start();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch started = new CountDownLatch(1);
            ImageBuilder images = new ImageBuilder(new BuildctlDriver(connection), RUNNER).withBuilderRestart(() -> builder.start());
            Thread killer = new Thread(() -> {
                try {
                    started.await();
                    builder.process().orElseThrow().destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "builder-killer");
            killer.start();

            BuildResult result = images.build(plan, line -> {
                log.add(line);
                if (line.endsWith(" started")) {
                    started.countDown();
                }
            });

            assertThat(log).anyMatch(line -> line.equals("gocb: the builder stopped during the build (" + new BuildctlDriver(connection).builderDescription()
                + "); starting it again and building once more"));
            assertThat(log.stream().filter(line -> line.endsWith(" started"))).as("the step ran twice").hasSize(2);
            assertThat(OciArchiveEntries.list(archive)).contains("blobs/sha256/" + result.digest().substring("sha256:".length()));
            assertThat(builder.answers()).isTrue();
        } finally {
            builder.stop();
        }
    }

    @Test
    void aBuilderStoppingMidBuildWithoutARestartIsReportedAsStopped(RealEnvironment env) throws Exception {
        EmbeddedBuilder builder = new EmbeddedBuilder(env.newDirectory("builder-").resolve("buildkit"), RUNNER);
        Path state = builder.stateDirectory();
        Path module = slowModule(env, "echo started && sleep 60");
        BuildPlan plan = new BuildPlanner(module).plan(BuildRequest.builder(module).namedContext(env.golangBase())
            .ociArchive(module.resolve("out.oci.tar")).noCache(true).build());
        try {
            BuilderConnection connection = builder.start();
            BuilderStoppedException stopped = org.assertj.core.api.Assertions.catchThrowableOfType(BuilderStoppedException.class,
                () -> new ImageBuilder(new BuildctlDriver(connection), RUNNER).build(plan, line -> {
                    if (line.endsWith(" started")) {
                        builder.process().orElseThrow().destroyForcibly();
                    }
                }));

            assertThat(stopped).as("the build's failure").isNotNull();
            assertThat(stopped.kind()).isEqualTo(io.jenkins.plugins.gocontainer.GocbException.Kind.UNAVAILABLE);
        } finally {
            builder.stop();
            new DeadBuilderLeftovers(state, RUNNER).remove(line -> { });
        }
    }

    /** A module whose Dockerfile has one RUN step, {@code run}, which prints "started" first. */
    private static Path slowModule(RealEnvironment env, String run) throws Exception {
        return DockerfileModule.write(env.newDirectory("slow-step-"), "FROM golang:1.26\nRUN " + run + "\n");
    }

    private static String runcList() throws Exception {
        return String.join("\n", RUNNER.capture(io.jenkins.plugins.gocontainer.exec.Command.of("runc", "list", "--format", "json")));
    }

    /** Files under the state directory that hold the secret's value. */
    private static List<Path> secretFilesUnder(Path state, String secret) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path mount : DeadBuilderLeftovers.mountsUnder(state, Files.readString(Path.of("/proc/self/mountinfo")))) {
            if (mount.getFileName().toString().startsWith("buildkit-secrets")) {
                try (var files = Files.list(mount)) {
                    for (Path file : files.toList()) {
                        if (Files.isRegularFile(file) && Files.readString(file).contains(secret)) {
                            found.add(file);
                        }
                    }
                }
            }
        }
        return found;
    }
}
