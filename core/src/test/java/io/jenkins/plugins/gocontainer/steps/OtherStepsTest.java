package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.GoModVendorSpec;
import io.jenkins.plugins.gocontainer.operations.PushTagsSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** goModVendor and pushTags map their parameters; goDockerBuild's verdict follows its gates. */
class OtherStepsTest {

    private static final StepDefaults STORE = new StepDefaults(null, null, null, null, null, null, List.of(), List.of(), "dir=/var/cache/gocb", null);

    @Test
    void goModVendorInheritsTheGlobalCacheStoreInDownloadModeOnly() {
        GoModVendorSpec download = GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of("context", "svc")), StepCredentials.none(), STORE, Map.of())
            .specification();
        assertThat(download.mode()).isEqualTo(GoModMode.DOWNLOAD);
        assertThat(download.cacheStore()).isEqualTo("dir=/var/cache/gocb");

        GoModVendorSpec vendor = GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of("mode", "Vendor")), StepCredentials.none(), STORE, Map.of())
            .specification();
        assertThat(vendor.mode()).isEqualTo(GoModMode.VENDOR);
        assertThat(vendor.cacheStore()).isNull();
    }

    @Test
    void anSshAgentTheBuildAlreadyRunsIsForwardedUnlessAKeyIsGivenOrItIsTurnedOff() {
        Map<String, String> insideSshagent = Map.of("SSH_AUTH_SOCK", "/tmp/ssh-XXXX/agent.1");
        assertThat(GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of()), StepCredentials.none(), StepDefaults.none(), insideSshagent)
            .specification().privateModules().sshAgent()).isTrue();
        assertThat(GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of("sshAgent", false)), StepCredentials.none(), StepDefaults.none(),
            insideSshagent).specification().privateModules().sshAgent()).isFalse();
        assertThat(GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of("sshCredentialsId", "k")),
            StepCredentials.none().withSshKey(new StepCredentials.SshKey("k", "git", "KEY", null)), StepDefaults.none(), insideSshagent)
            .specification().privateModules().sshAgent()).isFalse();
        assertThat(GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of()), StepCredentials.none(), StepDefaults.none(), Map.of())
            .specification().privateModules().sshAgent()).isFalse();
    }

    @Test
    void goModVendorRefusesABuildOnlyParameter() {
        assertThatThrownBy(() -> GoModVendorParameters.call(StepArguments.of("goModVendor", Map.of("maxImageSize", "1MB")), StepCredentials.none(),
            StepDefaults.none(), Map.of()))
            .hasMessageContaining("goModVendor has no parameter 'maxImageSize'");
    }

    @Test
    void pushTagsTakesTheResultOfGoDockerBuildAndALogin() {
        StepCall<PushTagsSpec> call = PushTagsParameters.call(StepArguments.of("pushTags", Map.of("image", "r.example.com/team/api",
                "from", "r.example.com/team/api:sha-abc1234", "tags", List.of("stable"), "registryCredentialsId", "registry")),
            StepCredentials.none().withRegistry(new StepCredentials.Login("registry", "ci", "pw-1")), StepDefaults.none());
        assertThat(call.specification().image().toString()).isEqualTo("r.example.com/team/api");
        assertThat(call.specification().tagPolicy().tags()).containsExactly("stable");
        assertThat(call.specification().registryUser()).isEqualTo("ci");
        assertThat(call.secrets().names()).containsExactly(SharedParameters.REGISTRY_PASSWORD);
    }

    @Test
    void pushTagsWithoutTagsOrContextIsRefused() {
        assertThatThrownBy(() -> PushTagsParameters.call(StepArguments.of("pushTags", Map.of("image", "r.example.com/a", "from", "sha-abc1234")),
            StepCredentials.none(), StepDefaults.none()))
            .hasMessageContaining("pushTags was given no tags and no context");
        assertThatThrownBy(() -> PushTagsParameters.call(StepArguments.of("pushTags", Map.of("image", "r.example.com/a")), StepCredentials.none(),
            StepDefaults.none()))
            .hasMessageContaining("pushTags needs from");
    }

    @Test
    void aFailedGateFailsTheStepAnUnstableOneMarksItAndFailOnGateFalseReturns() {
        assertThat(StepVerdict.of(result(GateOutcome.PASSED), true)).isEqualTo(new StepVerdict(java.util.Optional.empty(), false, ""));

        StepVerdict failed = StepVerdict.of(result(GateOutcome.FAILED), true);
        assertThat(failed.fails()).isTrue();
        assertThat(failed.result()).contains(GateOutcome.FAILED);
        assertThat(failed.message()).contains("the candidate r.example.com/a:sha-abc1234 stays").contains("withheld: r.example.com/a:latest")
            .contains("| size |");

        StepVerdict unstable = StepVerdict.of(result(GateOutcome.UNSTABLE), true);
        assertThat(unstable.fails()).isFalse();
        assertThat(unstable.result()).contains(GateOutcome.UNSTABLE);

        StepVerdict decidedByThePipeline = StepVerdict.of(result(GateOutcome.FAILED), false);
        assertThat(decidedByThePipeline.fails()).isFalse();
        assertThat(decidedByThePipeline.result()).isEmpty();
        assertThat(decidedByThePipeline.message()).contains("failOnGate: false");
    }

    private static GoDockerBuildResult result(GateOutcome outcome) {
        return new GoDockerBuildResult("r.example.com/a", "sha256:" + "a".repeat(64), null, "application/vnd.oci.image.manifest.v1+json",
            "r.example.com/a@sha256:" + "a".repeat(64), "r.example.com/a:sha-abc1234", List.of("r.example.com/a:sha-abc1234"),
            outcome == GateOutcome.PASSED ? List.of() : List.of("r.example.com/a:latest"), "1.0.0", null, List.of("linux/amd64"), 10L, Map.of(),
            null, List.of(), outcome == GateOutcome.PASSED ? "" : "| size | 10 B | 1 B |\n", outcome, "buildctl", "unix:///x", Map.of(), List.of(),
            Map.of());
    }
}
