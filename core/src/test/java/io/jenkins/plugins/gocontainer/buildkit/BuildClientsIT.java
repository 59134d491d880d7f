package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.Platform;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import io.jenkins.plugins.gocontainer.testing.TlsBuildkitd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The other ways to reach a builder: buildx with a remote driver, and buildctl over tcp:// with mutual TLS. */
@ExtendWith(RealEnvironment.Extension.class)
class BuildClientsIT {

    @Test
    void buildxRemoteDriverBuildsTheSameImage(RealEnvironment env) throws Exception {
        RequiredTools.require("buildx");
        Path buildxConfig = env.newDirectory("buildx-");
        Map<String, String> environment = Map.of("BUILDX_CONFIG", buildxConfig.toString());
        new CommandRunner(SecretMasker.none(), System.getenv()).capture(new Command(
            List.of("buildx", "create", "--name", "gocb-it", "--driver", "remote", env.builder().address()), environment, null));
        BuildxDriver driver = new BuildxDriver(List.of("buildx"), "gocb-it", environment);
        String repository = "examples/hello-buildx";
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildFailuresIT.helloRequest(env)
            .image(env.registry().hostPort() + "/" + repository + ":1").version("2.0.0-buildx").build());

        BuildResult result = new ImageBuilder(driver, new CommandRunner(SecretMasker.none(), System.getenv())).build(plan, line -> { });

        RegistryProbe.Manifest manifest = RegistryProbe.manifest(env.registry(), repository, "1");
        assertThat(manifest.contentType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(result.digest()).isEqualTo(manifest.computedDigest());
        assertThat(ImageRun.run(env, env.registry().hostPort() + "/" + repository + "@" + result.digest(), "/hello", "--version"))
            .containsExactly("2.0.0-buildx");
    }

    @Test
    void remoteBuilderOverMutualTls(RealEnvironment env) throws Exception {
        try (TlsBuildkitd remote = TlsBuildkitd.start(env.newDirectory("tls-builder-"))) {
            String repository = "examples/hello-tls";
            BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildFailuresIT.helloRequest(env)
                .image(env.registry().hostPort() + "/" + repository + ":1").version("3.0.0-tls").build());

            BuildResult result = new ImageBuilder(new BuildctlDriver(remote.connection()), new CommandRunner(SecretMasker.none(), System.getenv())).build(plan, line -> { });

            assertThat(RegistryProbe.manifest(env.registry(), repository, "1").computedDigest()).isEqualTo(result.digest());

            BuilderConnection withoutClientCertificate = BuilderConnection.of(remote.connection().address());
            BuilderUnreachableException refused = catchThrowableOfType(BuilderUnreachableException.class,
                () -> new ImageBuilder(new BuildctlDriver(withoutClientCertificate), new CommandRunner(SecretMasker.none(), System.getenv())).build(plan, line -> { }));
            assertThat(refused.getMessage()).contains(remote.connection().address()).contains("tlsCaCert");
        }
    }

    @Test
    void multiPlatformBuildPushesAnIndexWithoutEmulation(RealEnvironment env) throws Exception {
        String repository = "examples/hello-multi";
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(ProjectLayout.example("hello-nodockerfile"))
            .mainPackage("./cmd/greeter").namedContext(env.golangBase())
            .platforms(List.of("linux/amd64,linux/arm64"))
            .image(env.registry().hostPort() + "/" + repository + ":1").build());

        BuildResult result = BuildctlBuildIT.builder(env).build(plan, line -> { });

        RegistryProbe.Manifest index = RegistryProbe.manifest(env.registry(), repository, "1");
        assertThat(result.isIndex()).isTrue();
        assertThat(index.contentType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.computedDigest()).isEqualTo(result.digest());
        assertThat(index.body()).containsPattern("\"architecture\":\\s*\"arm64\"").containsPattern("\"architecture\":\\s*\"amd64\"");
        assertThat(result.platforms()).extracting(Platform::toString).containsExactly("linux/amd64", "linux/arm64");
    }
}
