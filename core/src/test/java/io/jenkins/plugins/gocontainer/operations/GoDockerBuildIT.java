package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.testing.Htpasswd;
import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.RunLeftovers;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GoDockerBuild as a step calls it, on the real builder and registry: a release build of a tagged
 * commit of examples/modules, pushed once under its candidate tag, with the moving tags added by
 * digest only when the quality gates pass.
 */
@ExtendWith(RealEnvironment.Extension.class)
class GoDockerBuildIT {

    private static final List<String> MOVING_TAGS = List.of("1.2.3", "1.2", "1", "latest");

    @Test
    void aFailingSizeGateKeepsOnlyTheCandidateAndWithholdsEveryMovingTag(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("gated-workspace-");
        String commit = OperationFixture.releaseRepository(workspace.resolve("svc"), "v1.2.3");
        String repository = env.registry().hostPort() + "/gated/modules";
        GateSettings tooSmall = new GateSettings(ByteSize.parse("1KB"), Map.of(), null, null, false, OnBreach.FAILED, null, null, Map.of(),
            Map.of(), null, OnBreach.FAILED, "reports/gates.json", null);
        OperationFixture.Log log = new OperationFixture.Log();

        GoDockerBuildResult result = new GoDockerBuild().run(spec(env, repository).gates(tooSmall).build(),
            OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log));

        String candidateTag = "sha-" + commit.substring(0, 7);
        assertThat(result.outcome()).as(log.text()).isEqualTo(GateOutcome.FAILED);
        assertThat(result.candidate()).isEqualTo(repository + ":" + candidateTag);
        assertThat(result.tags()).containsExactly(repository + ":" + candidateTag);
        assertThat(result.pinned()).isEqualTo(repository + "@" + result.digest());
        assertThat(result.version()).isEqualTo("1.2.3");
        assertThat(result.revision()).isEqualTo(commit);
        assertThat(RegistryProbe.manifest(env.registry(), "gated/modules", candidateTag).computedDigest()).isEqualTo(result.digest());
        for (String moving : MOVING_TAGS) {
            assertThat(RegistryProbe.manifest(env.registry(), "gated/modules", moving).status()).as(moving).isEqualTo(404);
        }
        assertThat(result.withheld()).containsAll(MOVING_TAGS.stream().map(tag -> repository + ":" + tag).toList())
            .doesNotContain(result.candidate());
        assertThat(result.gates()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo(SizeGate.NAME);
            assertThat(row.outcome()).isEqualTo("FAILED");
        });
        assertThat(result.size()).isGreaterThan(1024L);
        assertThat(result.gateTable()).contains(SizeGate.NAME);
        assertThat(workspace.resolve("reports/gates.json")).as("the gate report is written in the workspace").isRegularFile();
        assertThat(log.lines()).anyMatch(line -> line.startsWith("gocb: a quality gate failed"));
    }

    @Test
    void aPassingBuildPlacesEveryTagOnOneDigestAndTimesEachPhase(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("release-workspace-");
        String commit = OperationFixture.releaseRepository(workspace.resolve("svc"), "v1.2.3");
        String repository = env.registry().hostPort() + "/release/modules";
        OperationFixture.Log log = new OperationFixture.Log();

        GoDockerBuildResult result = new GoDockerBuild().run(spec(env, repository).build(),
            OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log));

        String candidateTag = "sha-" + commit.substring(0, 7);
        assertThat(result.outcome()).as(log.text()).isEqualTo(GateOutcome.PASSED);
        assertThat(result.withheld()).isEmpty();
        assertThat(result.gates()).isEmpty();
        assertThat(result.candidate()).isEqualTo(repository + ":" + candidateTag);
        List<String> expected = new ArrayList<>(List.of(repository + ":" + candidateTag));
        MOVING_TAGS.forEach(tag -> expected.add(repository + ":" + tag));
        assertThat(result.tags()).first().isEqualTo(result.candidate());
        assertThat(result.tags()).containsAll(expected).doesNotHaveDuplicates();
        for (String reference : result.tags()) {
            String tag = reference.substring(reference.lastIndexOf(':') + 1);
            assertThat(RegistryProbe.manifest(env.registry(), "release/modules", tag).computedDigest()).as(tag).isEqualTo(result.digest());
        }
        assertThat(result.durations()).containsKeys("plan", "build", "push", "gates", "total");
        assertThat(result.durations().get("total")).isGreaterThanOrEqualTo(result.durations().get("build"));
        assertThat(result.toMap()).containsEntry("outcome", "PASSED").containsEntry("digest", result.digest());
    }

    @Test
    void anExplicitRegistryLoginPushesEveryTagAndLeavesNoSecretBehind(RealEnvironment env) throws Exception {
        String password = "s3cret-registry-password";
        Path htpasswd = Htpasswd.write(env.newDirectory("auth-").resolve("htpasswd"), "ci", password);
        try (LocalRegistry secured = LocalRegistry.start(Optional.of(htpasswd))) {
            Path workspace = env.newDirectory("login-workspace-");
            OperationFixture.releaseRepository(workspace.resolve("svc"), "v1.2.3");
            OperationFixture.Log log = new OperationFixture.Log();
            RunLeftovers secretDirectories = RunLeftovers.watchPrefix("gocb-secrets-");

            GoDockerBuildResult result = new GoDockerBuild().run(
                spec(env, secured.hostPort() + "/login/modules").registryLogin("ci", "REGISTRY_PASSWORD").build(),
                OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log)
                    .withSecrets(Secrets.none().with("REGISTRY_PASSWORD", password)));

            assertThat(result.outcome()).as(log.text()).isEqualTo(GateOutcome.PASSED);
            String repository = secured.hostPort() + "/login/modules";
            assertThat(result.tags()).contains(result.candidate()).containsAll(MOVING_TAGS.stream().map(tag -> repository + ":" + tag).toList());
            assertThat(result.size()).as("the size is read from the registry with the same login").isPositive();
            assertThat(log.text()).doesNotContain(password);
            assertThat(secretDirectories.added()).as("the private Docker config is deleted").isEmpty();
        }
    }

    @Test
    void aRegistryUserWithoutItsPasswordIsRefusedBeforeTheBuild() {
        assertThatThrownBy(() -> GoDockerBuildSpec.builder().image("127.0.0.1:5000/x").registryLogin("ci", null).build())
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("registryUser and registryPasswordSecret go together");
    }


    /** examples/modules in {@code svc}, tagged from git into {@code repository}, modules from the test module cache. */
    private static GoDockerBuildSpec.Builder spec(RealEnvironment env, String repository) {
        return GoDockerBuildSpec.builder()
            .context("svc")
            .image(repository)
            .baseImage(OperationFixture.golangBase(env))
            .moduleCache(TestModules.cache().toString())
            .buildkit(OperationFixture.builder(env));
    }
}
