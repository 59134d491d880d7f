package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.SshKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -KILL} of gocb mid-build, with a passphrase-protected key in its private agent: no
 * shutdown hook runs, yet within 10 s neither the agent holding the decrypted key nor the BuildKit
 * client is left, and the next run removes the secret directory the killed one left and says so.
 */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class KilledRunIT {

    private static final Pattern AGENT_SOCKET = Pattern.compile("^\\S*ssh-agent -D -a (\\S*/gocb-secrets-[^/\\s]+/agent\\.sock)");

    @Test
    void aKilledGocbLeavesNoAgentHoldingTheKeyAndTheNextRunRemovesItsSecrets(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("killed-");
        Path service = DockerfileModule.write(workspace.resolve("svc"), "FROM golang:1.26\nRUN echo started && sleep 300\n");
        String passphrase = "correct horse " + Long.toHexString(System.nanoTime());
        SshKeyPair key = SshKeyPair.generate(workspace.resolve("id_ed25519"), "killed-it", passphrase);
        Path knownHosts = Files.writeString(workspace.resolve("known_hosts"), "[127.0.0.1]:2222 " + key.typeAndKey() + "\n");
        Path log = workspace.resolve("gocb.log");
        Process gocb = GocbProcess.builder(Map.of("KEY_PASS", passphrase), "build", "--context", service.toString(),
                "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory(), "--no-cache",
                "--image", env.registry().hostPort() + "/killed/slow:1",
                "--ssh-key", key.privateKey().toString(), "--ssh-passphrase-env", "KEY_PASS", "--known-hosts", knownHosts.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitLog(log, text -> text.contains(" started"), Duration.ofMinutes(2));
            ProcessHandle agent = processes(line -> AGENT_SOCKET.matcher(line).find() && line.contains("gocb-secrets-" + gocb.pid() + "."))
                .stream().findFirst().orElseThrow(() -> new AssertionError("no private ssh-agent of gocb " + gocb.pid()));
            Matcher socket = AGENT_SOCKET.matcher(agent.info().commandLine().orElseThrow());
            assertThat(socket.find()).isTrue();
            Path secretDirectory = Path.of(socket.group(1)).getParent();

            gocb.destroyForcibly();
            long killed = System.nanoTime();
            gocb.waitFor();
            Predicate<String> client = line -> line.contains("buildctl") && line.contains(service.toString());
            while ((agent.isAlive() || !processes(client).isEmpty()) && System.nanoTime() - killed < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(100);
            }

            assertThat(agent.isAlive()).as("the agent holding the key, 10 s after gocb was killed").isFalse();
            assertThat(processes(client)).as("gocb's BuildKit client, 10 s after gocb was killed").isEmpty();
            assertThat(processes(line -> line.contains(secretDirectory.toString()))).as("processes using the secret directory").isEmpty();
            assertThat(secretDirectory).as("what the killed run could not clean up").isDirectory();

            Path next = Files.createDirectories(workspace.resolve("next"));
            Files.writeString(next.resolve("go.mod"), "module example.com/next\n\ngo 1.26\n");
            GocbProcess.Outcome vendor = GocbProcess.run(Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off"), "vendor", "--context", next.toString());

            assertThat(vendor.exitCode()).as(vendor.stderr()).isZero();
            assertThat(vendor.stderr()).contains("gocb: removed " + secretDirectory + ", left behind by a gocb run that was killed");
            assertThat(secretDirectory).doesNotExist();
        } finally {
            gocb.destroyForcibly();
            // Should the client outlive gocb (the failure this test catches), it would hold the shared builder for 300 s.
            processes(line -> line.contains("buildctl") && line.contains(service.toString())).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<ProcessHandle> processes(Predicate<String> commandLine) {
        return ProcessHandle.allProcesses().filter(p -> commandLine.test(p.info().commandLine().orElse(""))).toList();
    }

    private static void awaitLog(Path log, Predicate<String> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && condition.test(Files.readString(log, StandardCharsets.UTF_8))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gocb did not get there within " + timeout + "; its log:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
