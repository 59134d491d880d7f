package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BuilderSettingsTest {

    @TempDir
    Path workspace;

    @Test
    void onlyTheEmbeddedBuilderIsRestartedAfterItStopsMidBuild() {
        OperationContext context = OperationContext.of(workspace, Map.of("GOCB_STATE_DIR", workspace.resolve("state").toString()), OutputSink.discard());
        BuilderSettings settings = BuilderSettings.defaults();
        String embedded = "unix://" + workspace.resolve("state/buildkit/buildkitd.sock");

        assertThat(settings.restart(new BuildctlDriver(BuilderConnection.of(embedded)), context)).isPresent();
        assertThat(settings.restart(new BuildctlDriver(BuilderConnection.of("tcp://buildkit.internal:1234")), context))
            .as("a builder someone else runs is theirs to restart").isEmpty();
    }
}
