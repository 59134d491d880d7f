package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline's two steps on one agent: goModVendor downloads the modules into a module cache in
 * the workspace (go on the agent, from the only module source it has), and goDockerBuild then
 * builds from that cache alone, its module and compile steps without network.
 */
@ExtendWith(RealEnvironment.Extension.class)
class VendorThenHermeticBuildIT {

    @Test
    void modulesDownloadedIntoTheWorkspaceBuildAnImageThatRunsWithoutNetwork(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("vendor-then-build-");
        TestModules.copyExample(workspace.resolve("svc"));
        OperationFixture.Log log = new OperationFixture.Log();
        OperationContext context = OperationContext.of(workspace, OperationFixture.hermeticGoEnvironment(workspace.resolve("home")), log);

        GoModVendorResult vendored = new GoModVendor().run(GoModVendorSpec.builder().context("svc").mode("download")
            .moduleCache(".gocb/gomodcache").build(), context);

        Path moduleCache = workspace.resolve(".gocb/gomodcache");
        assertThat(vendored.mode()).isEqualTo("download");
        assertThat(vendored.location()).isEqualTo(moduleCache.toString());
        assertThat(vendored.modules()).as(log.text()).isGreaterThanOrEqualTo(5);
        assertThat(vendored.bytes()).isPositive();
        assertThat(vendored.cacheStatus()).isEqualTo("none");
        assertThat(moduleCache.resolve("cache/download/github.com/spf13/cobra/@v/v1.10.2.zip")).isRegularFile();

        String image = env.registry().hostPort() + "/hermetic/modules:vendored";
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .context("svc")
            .image(image)
            .appVersion("3.1.4")
            .baseImage(OperationFixture.golangBase(env))
            .moduleCache(".gocb/gomodcache")
            .buildkit(OperationFixture.builder(env))
            .build();
        String dockerfile = new GoDockerBuild().dryRun(spec, context).generatedDockerfile();
        assertThat(dockerfile).as("the compile step runs without network and reads only the handed-over cache")
            .contains("RUN --network=none ", "GOPROXY=file:///").doesNotContain("go mod download");

        GoDockerBuildResult built = new GoDockerBuild().run(spec, context);

        assertThat(built.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(built.tags()).containsExactly(image);
        assertThat(built.version()).isEqualTo("3.1.4");
        assertThat(RegistryProbe.manifest(env.registry(), "hermetic/modules", "vendored").computedDigest()).isEqualTo(built.digest());
        List<String> output = ImageRun.run(env, built.pinned(), "/usr/local/bin/modules", "a", "bcd");
        assertThat(output).as(String.join("\n", output)).startsWith("greeting: hello, gocb").anyMatch(line -> line.startsWith("id: "));
    }
}
