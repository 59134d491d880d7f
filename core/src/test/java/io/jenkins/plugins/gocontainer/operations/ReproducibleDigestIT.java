package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.EmbeddedBuilder;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One commit, two fresh builders with empty caches, one digest: the image's times are the commit's, not the clock's. */
@ExtendWith(RealEnvironment.Extension.class)
class ReproducibleDigestIT {

    @Test
    void twoFreshBuildersGiveOneCommitOneDigest(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("reproducible-");
        OperationFixture.releaseRepository(workspace.resolve("svc"), "v1.4.0");
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path state = env.newDirectory("fresh-builder-" + i + "-");
            GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
                .context("svc")
                .ociArchive("image-" + i + ".oci.tar")
                .baseImage(OperationFixture.golangBase(env))
                .moduleCache(TestModules.cache().toString())
                .buildkit(new BuilderSettings(null, null, null, null, null, BuilderSettings.Driver.BUILDCTL, null, state.toString()))
                .build();
            OperationFixture.Log log = new OperationFixture.Log();
            try {
                GoDockerBuildResult result = new GoDockerBuild().run(spec,
                    OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log));
                assertThat(log.text()).as("the build ran on its own fresh builder").contains(state.toString());
                digests.add(result.digest());
            } finally {
                new EmbeddedBuilder(state, new CommandRunner(SecretMasker.none(), System.getenv())).stop();
            }
            // Builds of one commit a second apart would differ in every time the clock gave them.
            Thread.sleep(1100);
        }

        assertThat(digests.get(0)).startsWith("sha256:").isEqualTo(digests.get(1));
    }
}
