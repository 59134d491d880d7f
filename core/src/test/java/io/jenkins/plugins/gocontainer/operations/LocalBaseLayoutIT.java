package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local base image (--base-image golang:1.26=DIR) reaches a warm builder once: an unchanged
 * rebuild sends none of its 245 MB again and executes no step.
 */
@ExtendWith(RealEnvironment.Extension.class)
class LocalBaseLayoutIT {

    @Test
    void anUnchangedRebuildSendsNothingOfTheLocalBaseAndRunsNoStep(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("layout-");
        OperationFixture.releaseRepository(workspace.resolve("svc"), "v2.0.0");
        // A cache of its own: the first build makes the layout, whatever other tests made before.
        Map<String, String> environment = new java.util.LinkedHashMap<>(OperationFixture.environment(workspace.resolve("home")));
        environment.put("GOCB_CACHE_DIR", env.newDirectory("layout-cache-").toString());
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .context("svc")
            .image(env.registry().hostPort() + "/layout/modules:1")
            .baseImage(OperationFixture.golangBase(env))
            .moduleCache(TestModules.cache().toString())
            .buildkit(OperationFixture.builder(env))
            .build();

        OperationFixture.Log first = new OperationFixture.Log();
        GoDockerBuildResult built = new GoDockerBuild().run(spec, OperationContext.of(workspace, environment, first));
        OperationFixture.Log second = new OperationFixture.Log();
        GoDockerBuildResult rebuilt = new GoDockerBuild().run(spec, OperationContext.of(workspace, environment, second));

        assertThat(first.lines()).as(first.text()).anyMatch(line -> line.contains("into an OCI layout"));
        assertThat(second.lines()).as(second.text()).anyMatch(line -> line.contains("[context golang:1.26] OCI load from client"))
            .noneMatch(line -> line.contains("into an OCI layout"))
            .noneMatch(line -> line.contains("transferring ctx-golang"))
            .noneMatch(line -> line.contains("fsverity"));
        List<String> executed = second.lines().stream().filter(line -> line.matches("#\\d+ \\[builder \\d+/\\d+\\] RUN .*")).toList();
        assertThat(executed).as("the rebuild's builder steps; every one should be CACHED:\n" + second.text())
            .allSatisfy(step -> assertThat(second.lines()).contains(step.substring(0, step.indexOf(' ')) + " CACHED"));
        assertThat(rebuilt.digest()).isEqualTo(built.digest());
    }
}
