package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildEngineTest {

    @Test
    void parsesTheEngineNamesAndDefaultsToBuildKit() {
        assertThat(BuildEngine.parse(null)).isEqualTo(BuildEngine.BUILDKIT);
        assertThat(BuildEngine.parse(" Go ")).isEqualTo(BuildEngine.GO);
        assertThat(GoDockerBuildSpec.builder().build().engine()).isEqualTo(BuildEngine.BUILDKIT);
    }

    @Test
    void anUnknownEngineNamesTheKnownOnes() {
        assertThatThrownBy(() -> BuildEngine.parse("ko"))
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("unknown engine 'ko'")
            .hasMessageContaining("buildkit and go");
    }

    @Test
    void optionsOnlyBuildKitHonoursAreRefusedWithTheGoEngineByName() {
        assertThatThrownBy(() -> GoDockerBuildSpec.builder().engine("go").dockerfile("Dockerfile").cache("inline").buildArg("A", "b")
                .target("final").build())
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("dockerfile, target, buildArgs, caches do not apply to engine go")
            .hasMessageContaining("drop dockerfile, target, buildArgs, caches");
        assertThatThrownBy(() -> GoDockerBuildSpec.builder().engine("go").noCache(true).build())
            .hasMessageContaining("noCache does not apply to engine go");
    }

    @Test
    void theSameOptionsAreFineWithBuildKit() {
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder().dockerfile("Dockerfile").cache("inline").target("final").build();
        assertThat(spec.target()).isEqualTo("final");
    }
}
