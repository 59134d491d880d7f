package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real builds of the example services on a real buildkitd, pushed to a real registry. */
@ExtendWith(RealEnvironment.Extension.class)
class BuildctlBuildIT {

    @Test
    void buildsPushesAndRunsTheHelloExample(RealEnvironment env) throws Exception {
        String repository = "examples/hello";
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello"))
            .namedContext(env.golangBase())
            .image(env.registry().hostPort() + "/" + repository + ":it-1")
            .version("1.2.3-it")
            .build();
        List<String> log = new ArrayList<>();

        BuildResult result = builder(env).build(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request), log::add);

        RegistryProbe.Manifest manifest = RegistryProbe.manifest(env.registry(), repository, "it-1");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(result.digest()).isEqualTo(manifest.computedDigest()).isEqualTo(manifest.headerDigest());
        assertThat(result.configDigest()).hasValueSatisfying(config -> assertThat(manifest.body()).contains(config));
        assertThat(result.names()).extracting(Object::toString).containsExactly(env.registry().hostPort() + "/" + repository + ":it-1");
        assertThat(log).anyMatch(line -> line.contains("exporting to image"));

        String pinned = env.registry().hostPort() + "/" + repository + "@" + result.digest();
        assertThat(ImageRun.run(env, pinned, "/hello", "--version")).containsExactly("1.2.3-it");
    }

    @Test
    void buildsAServiceWithoutDockerfileFromTheGeneratedOne(RealEnvironment env) throws Exception {
        String repository = "examples/greeter";
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello-nodockerfile"))
            .mainPackage("./cmd/greeter")
            .namedContext(env.golangBase())
            .image(env.registry().hostPort() + "/" + repository + ":generated")
            .version("0.9.0")
            .build();
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request);
        assertThat(plan.dockerfile()).isInstanceOf(DockerfileSource.Generated.class);

        BuildResult result = builder(env).build(plan, line -> { });

        RegistryProbe.Manifest manifest = RegistryProbe.manifest(env.registry(), repository, "generated");
        assertThat(manifest.computedDigest()).isEqualTo(result.digest());
        String pinned = env.registry().hostPort() + "/" + repository + "@" + result.digest();
        assertThat(ImageRun.run(env, pinned, "/usr/local/bin/greeter", "--version")).containsExactly("0.9.0");
        assertThat(ImageRun.run(env, pinned, "/usr/local/bin/greeter", "--name", "jenkins")).containsExactly("hello, jenkins");
    }

    @Test
    void writesAnOciArchiveWhenNoRegistryIsGiven(RealEnvironment env) throws Exception {
        Path out = env.newDirectory("oci-").resolve("hello.oci.tar");
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello"))
            .namedContext(env.golangBase())
            .ociArchive(out)
            .build();

        BuildResult result = builder(env).build(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request), line -> { });

        assertThat(out).isRegularFile();
        assertThat(Files.size(out)).isGreaterThan(1_000_000);
        List<String> entries = OciArchiveEntries.list(out);
        assertThat(entries).contains("oci-layout", "index.json");
        assertThat(entries).contains("blobs/sha256/" + result.digest().substring("sha256:".length()));
        assertThat(result.names()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r--r--");
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings).containsExactly(out);
        }
    }

    @Test
    void onALocalBaseTheSizeOfEachLayerIsCreditedToItsOwnStep(RealEnvironment env) throws Exception {
        Path module = DockerfileModule.write(env.newDirectory("history-"),
            "FROM golang:1.26\nWORKDIR /app\nENV X=1\nCOPY big.bin /app/big.bin\nUSER 65532\nRUN echo hi > /tmp/x\nWORKDIR /app\n");
        byte[] big = new byte[3_000_000];
        new java.util.Random(16).nextBytes(big);
        Files.write(module.resolve("big.bin"), big);
        Path out = module.resolve("history.oci.tar");
        builder(env).build(new BuildPlanner(module).plan(BuildRequest.builder(module).namedContext(env.golangBase()).ociArchive(out).build()), line -> { });

        List<io.jenkins.plugins.gocontainer.gates.ImageSize.LayerSize> layers = io.jenkins.plugins.gocontainer.gates.ImageSize.fromOciLayout(out)
            .platforms().get(0).layers();

        io.jenkins.plugins.gocontainer.gates.ImageSize.LayerSize copied = layers.stream()
            .filter(layer -> layer.compressedSize() > 2_900_000 && layer.compressedSize() < 3_200_000).findFirst().orElseThrow();
        assertThat(copied.createdBy()).isEqualTo("COPY big.bin /app/big.bin # buildkit");
        assertThat(layers.get(0).createdBy()).as("the local base has no history").isEmpty();
        assertThat(layers).noneMatch(layer -> layer.createdBy().contains("buildkit.exporter") || layer.createdBy().startsWith("["));
    }

    static ImageBuilder builder(RealEnvironment env) {
        return new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(SecretMasker.none(), System.getenv()));
    }
}
