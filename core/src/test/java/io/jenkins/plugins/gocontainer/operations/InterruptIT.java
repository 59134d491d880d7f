package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RunLeftovers;
import io.jenkins.plugins.gocontainer.testing.SshKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aborting a pipeline interrupts the thread running the operation: a build with a
 * passphrase-protected SSH key (so a private ssh-agent holds it) and a long RUN step stops at
 * once, with InterruptedException, and leaves no client, no agent and no secret file behind.
 */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class InterruptIT {

    private static final String PASSPHRASE_SECRET = "DEPLOY_KEY_PASSPHRASE";
    private static final Pattern AGENT_SOCKET = Pattern.compile("^\\S*ssh-agent -D -a (\\S*/(gocb-secrets-[^/\\s]+)/agent\\.sock)");

    @Test
    void interruptingABuildWithAProtectedKeyStopsClientAndAgentAndRemovesTheSecretsWithinTenSeconds(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("interrupt-");
        String marker = "gocb-interrupt-" + System.nanoTime() % 100_000;
        Path service = DockerfileModule.write(workspace.resolve("svc"), "FROM golang:1.26\nRUN echo started && sleep 120 && echo " + marker + "\n");
        Path keys = Files.createDirectories(workspace.resolve("keys"));
        String passphrase = "correct horse " + Long.toHexString(System.nanoTime());
        SshKeyPair key = SshKeyPair.generate(keys.resolve("id_ed25519"), "interrupt-it", passphrase);
        Files.writeString(keys.resolve("known_hosts"), "[127.0.0.1]:2222 " + key.typeAndKey() + "\n");
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .context("svc")
            .dockerfile("Dockerfile")
            .image(env.registry().hostPort() + "/interrupt/slow:1")
            .baseImage(OperationFixture.golangBase(env))
            .noCache(true)
            .privateModules(new PrivateModuleSettings("keys/id_ed25519", null, PASSPHRASE_SECRET, false, null, "keys/known_hosts",
                List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), true))
            .buildkit(OperationFixture.builder(env))
            .build();
        CountDownLatch stepStarted = new CountDownLatch(1);
        OperationContext context = OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), line -> {
            if (line.endsWith(" started")) {
                stepStarted.countDown();
            }
        }).withSecrets(Secrets.of(Map.of(PASSPHRASE_SECRET, passphrase)));
        RunLeftovers secretDirectories = RunLeftovers.watchPrefix("gocb-secrets-");
        RunLeftovers buildDirectories = RunLeftovers.watchPrefix("gocb-build-");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                new GoDockerBuild().run(spec, context);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "interrupt-it-build");
        worker.start();
        try {
            assertThat(stepStarted.await(120, TimeUnit.SECONDS)).as("buildctl reported the slow RUN step started").isTrue();
            List<ProcessHandle> clients = OperationFixture.processes(line -> line.contains("buildctl") && line.contains(service.toString()));
            assertThat(clients).as("a buildctl process runs the build").isNotEmpty();
            List<ProcessHandle> agents = OperationFixture.processes(line -> AGENT_SOCKET.matcher(line).find());
            List<ProcessHandle> ourAgents = agents.stream().filter(InterruptIT::isDescendantOfThisJvm).toList();
            assertThat(ourAgents).as("the private ssh-agent holding the protected key").hasSize(1);
            ProcessHandle agent = ourAgents.get(0);
            Matcher socket = AGENT_SOCKET.matcher(agent.info().commandLine().orElseThrow());
            assertThat(socket.find()).isTrue();
            Path secretDirectory = Path.of(socket.group(1)).getParent();
            assertThat(secretDirectory).isDirectory();

            long interrupted = System.nanoTime();
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));

            assertThat(worker.isAlive()).as("the build thread still runs 10 s after the interrupt").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(10));
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(clients).as("buildctl stopped").noneMatch(ProcessHandle::isAlive);
            assertThat(OperationFixture.processes(line -> line.contains("buildctl") && line.contains(service.toString()))).isEmpty();
            assertThat(agent.isAlive()).as("the private ssh-agent stopped").isFalse();
            assertThat(OperationFixture.processes(line -> line.contains(secretDirectory.toString()))).as("processes using the secret directory")
                .isEmpty();
            assertThat(secretDirectory).as("the secret directory").doesNotExist();
            assertThat(secretDirectories.added()).as("secret directories left").isEmpty();
            assertThat(buildDirectories.added()).as("build directories left").isEmpty();
            awaitNoProcess(marker, Duration.ofSeconds(20));
        } finally {
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
    }

    private static boolean isDescendantOfThisJvm(ProcessHandle process) {
        long self = ProcessHandle.current().pid();
        for (ProcessHandle parent = process.parent().orElse(null); parent != null; parent = parent.parent().orElse(null)) {
            if (parent.pid() == self) {
                return true;
            }
        }
        return false;
    }

    /** The RUN step inside the builder stops too (BuildKit cancels it when the client goes away). */
    private static void awaitNoProcess(String commandLine, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (OperationFixture.processes(line -> line.contains(commandLine)).isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("a process running '" + commandLine + "' is still alive " + timeout.toSeconds() + " s after the interrupt");
    }
}
