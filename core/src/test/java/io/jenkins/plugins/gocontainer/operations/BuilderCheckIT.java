package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.BuilderUnreachableException;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "Test connection" check of the global configuration, against the real builder and against nothing. */
@ExtendWith(RealEnvironment.Extension.class)
class BuilderCheckIT {

    @Test
    void aRunningBuilderAnswers(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("check-");
        String answer = BuilderCheck.check(OperationFixture.builder(env), OperationContext.of(workspace,
            OperationFixture.environment(workspace.resolve("home")), OutputSink.discard()));
        assertThat(answer).isEqualTo("buildctl reached buildkitd at " + env.builder().address());
    }

    @Test
    void anAddressWithoutBuilderIsReportedWithTheFix(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("check-");
        String nowhere = "unix://" + workspace.resolve("no-buildkitd.sock");
        BuilderSettings settings = new BuilderSettings(nowhere, null, null, null, null, BuilderSettings.Driver.BUILDCTL, null, null);
        assertThatThrownBy(() -> BuilderCheck.check(settings, OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")),
            OutputSink.discard())))
            .isInstanceOf(BuilderUnreachableException.class)
            .hasMessageContaining("cannot reach the builder: buildkitd at " + nowhere);
    }
}
