package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RunLeftovers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Interrupting a running build stops the BuildKit client, the step inside the builder, and removes the temp files. */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class CancellationIT {

    @Test
    void interruptingARunningBuildLeavesNothingBehind(RealEnvironment env) throws Exception {
        Path module = env.newDirectory("slow-");
        String marker = "gocb-cancel-" + System.nanoTime() % 100000;
        DockerfileModule.write(module, "FROM golang:1.26\nRUN echo started && sleep 300 && echo " + marker + "\n");
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(module).namedContext(env.golangBase())
            .image(env.registry().hostPort() + "/slow:1").noCache(true).build());
        RunLeftovers buildDirectories = RunLeftovers.watchPrefix("gocb-build-");
        CountDownLatch stepStarted = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        ImageBuilder builder = new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(SecretMasker.none(), System.getenv()).withGracePeriod(Duration.ofSeconds(5)));

        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                builder.build(plan, line -> {
                    if (line.endsWith(" started")) {
                        stepStarted.countDown();
                    }
                });
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        assertThat(stepStarted.await(120, TimeUnit.SECONDS)).as("the slow RUN step started").isTrue();
        List<ProcessHandle> clients = buildctlProcessesFor(module);
        assertThat(clients).as("a buildctl process runs the build").isNotEmpty();

        worker.get().interrupt();

        Throwable thrown = outcome.get(30, TimeUnit.SECONDS);
        assertThat(thrown).isInstanceOf(InterruptedException.class);
        assertThat(clients).noneMatch(ProcessHandle::isAlive);
        assertThat(buildctlProcessesFor(module)).isEmpty();
        assertThat(buildDirectories.added()).as("build directories left").isEmpty();
        awaitNoProcessRunning("sleep 300", Duration.ofSeconds(20));
    }

    private static List<ProcessHandle> buildctlProcessesFor(Path module) {
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains("buildctl") && c.contains(module.toString())).orElse(false))
            .toList();
    }


    private static void awaitNoProcessRunning(String commandLine, Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().map(c -> c.contains(commandLine)).orElse(false))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("a process running '" + commandLine + "' is still alive " + timeout.toSeconds() + " s after cancellation");
    }
}
