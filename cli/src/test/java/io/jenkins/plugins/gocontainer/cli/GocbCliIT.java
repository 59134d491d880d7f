package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged gocb, run as a process against the real builder and registry. */
@ExtendWith(RealEnvironment.Extension.class)
class GocbCliIT {

    @Test
    void buildPrintsJsonWhoseDigestTheRegistryServes(RealEnvironment env) throws Exception {
        String image = env.registry().hostPort() + "/cli/hello:1.4.0";
        GocbProcess.Outcome outcome = GocbProcess.run(Map.of(), "build", "--context", ProjectLayout.example("hello").toString(),
            "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory(),
            "--image", image, "--app-version", "1.4.0", "--format", "json");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        Map<String, Object> result = Json.parseObject(outcome.stdout());
        RegistryProbe.Manifest manifest = RegistryProbe.manifest(env.registry(), "cli/hello", "1.4.0");
        assertThat(result.get("digest")).isEqualTo(manifest.computedDigest());
        assertThat(result.get("tags")).isEqualTo(List.of(image));
        assertThat(result.get("pinned")).isEqualTo(env.registry().hostPort() + "/cli/hello@" + manifest.computedDigest());
        assertThat(result.get("platforms")).isEqualTo(List.of("linux/amd64"));
        assertThat(outcome.stderr()).contains("exporting to image");
    }

    @Test
    void startsItsOwnBuilderWhenNoneIsConfiguredAndManagesIt(RealEnvironment env) throws Exception {
        Path state = env.newDirectory("embedded-");
        String image = env.registry().hostPort() + "/cli/embedded:1";

        GocbProcess.Outcome build = GocbProcess.run(Map.of("GOCB_STATE_DIR", state.toString()), "build",
            "--context", ProjectLayout.example("hello").toString(), "--base-image", "golang:1.26=" + env.goBaseDirectory(),
            "--image", image, "--format", "json");
        try {
            assertThat(build.exitCode()).as(build.stderr()).isZero();
            assertThat((String) Json.parseObject(build.stdout()).get("builder")).contains(state.resolve("buildkit/buildkitd.sock").toString());
            GocbProcess.Outcome status = GocbProcess.run(Map.of("GOCB_STATE_DIR", state.toString()), "builder", "status", "--format", "json");
            assertThat(status.exitCode()).isZero();
            Map<String, Object> running = Json.parseObject(status.stdout());
            assertThat(running.get("state")).isEqualTo("running");
            long pid = (Long) running.get("pid");
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            GocbProcess.Outcome stop = GocbProcess.run(Map.of("GOCB_STATE_DIR", state.toString()), "builder", "stop");
            assertThat(stop.exitCode()).isZero();
            assertThat(stop.stdout()).contains("builder stopped");
            assertThat(GocbProcess.run(Map.of("GOCB_STATE_DIR", state.toString()), "builder", "status").exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            GocbProcess.run(Map.of("GOCB_STATE_DIR", state.toString()), "builder", "stop");
        }
    }

    @Test
    void unreachableBuilderExitsWithItsOwnCodeAndSaysHowToStartOne(RealEnvironment env) throws Exception {
        GocbProcess.Outcome outcome = GocbProcess.run(Map.of(), "build", "--context", ProjectLayout.example("hello").toString(),
            "--addr", "unix://" + env.newDirectory("none-").resolve("buildkitd.sock"), "--base-image", "golang:1.26=" + env.goBaseDirectory());

        assertThat(outcome.exitCode()).isEqualTo(ExitCodes.BUILDER_UNAVAILABLE);
        assertThat(outcome.stderr()).contains("cannot reach the builder").contains("gocb builder start");
    }

    @FaultSuite
    @Test
    void sigtermStopsTheBuildAndLeavesNoClientBehind(RealEnvironment env) throws Exception {
        Path module = DockerfileModule.write(env.newDirectory("sigterm-"), "FROM golang:1.26\nRUN echo started && sleep 240\n");
        Path stderr = module.resolve("stderr.txt");
        Process gocb = GocbProcess.builder(Map.of(), "build", "--context", module.toString(), "--addr", env.builder().address(),
                "--base-image", "golang:1.26=" + env.goBaseDirectory(), "--no-cache", "--oci-archive", module.resolve("out.tar").toString())
            .redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(stderr, StandardCharsets.UTF_8).contains(" started") && System.nanoTime() < deadline) {
                assertThat(gocb.isAlive()).as("gocb is still building").isTrue();
                Thread.sleep(200);
            }
            var clients = gocb.descendants().filter(p -> p.info().command().map(c -> c.endsWith("buildctl")).orElse(false)).toList();
            assertThat(clients).isNotEmpty();

            gocb.destroy();

            assertThat(gocb.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(gocb.exitValue()).as("128 + SIGTERM, as shells report").isEqualTo(143);
            assertThat(clients).noneMatch(ProcessHandle::isAlive);
            assertThat(Files.readString(stderr, StandardCharsets.UTF_8)).contains("build cancelled");
        } finally {
            gocb.destroyForcibly();
        }
    }
}
