package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoDockerBuildParametersTest {

    private static final StepDefaults GLOBAL = new StepDefaults("tcp://buildkit.internal:1234", "/etc/gocb/ca.pem", "/etc/gocb/cert.pem",
        "/etc/gocb/key.pem", "buildctl", null, List.of("golang:1.26=docker-image://mirror.internal/golang:1.26"), List.of("mirror.internal"),
        "dir=/var/cache/gocb", "300MB");

    @Test
    void mapsEachParameterToTheSpecification() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("context", "svc");
        given.put("mainPackage", "./cmd/api");
        given.put("image", "registry.example.com/team/api");
        given.put("buildArgs", Map.of("GOEXPERIMENT", "loopvar"));
        given.put("platforms", List.of("linux/amd64", "linux/arm64"));
        given.put("cache", List.of("registry"));
        given.put("moduleCache", ".gocb/gomodcache");
        given.put("maxImageSize", "50MB");
        given.put("onBreach", "unstable");
        given.put("tags", List.of("type=semver,pattern={{version}}"));
        given.put("goPrivate", "git.example.com/*");

        GoDockerBuildSpec spec = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", given), StepCredentials.none(), StepDefaults.none(), Map.of())
            .specification();

        assertThat(spec.context()).isEqualTo("svc");
        assertThat(spec.mainPackage()).isEqualTo("./cmd/api");
        assertThat(spec.taggedRepository()).hasValueSatisfying(repository -> assertThat(repository.toString())
            .isEqualTo("registry.example.com/team/api"));
        assertThat(spec.buildArgs()).containsExactly(Map.entry("GOEXPERIMENT", "loopvar"));
        assertThat(spec.platforms()).extracting(Object::toString).containsExactly("linux/amd64", "linux/arm64");
        assertThat(spec.caches()).containsExactly("registry");
        assertThat(spec.moduleCache()).isEqualTo(".gocb/gomodcache");
        assertThat(spec.gates().maxImageSize()).isEqualTo(ByteSize.parse("50MB"));
        assertThat(spec.gates().sizeOnBreach()).isEqualTo(OnBreach.UNSTABLE);
        assertThat(spec.tagPolicy().tags()).containsExactly("type=semver,pattern={{version}}");
        assertThat(spec.privateModules().goVariables()).containsExactly(Map.entry("GOPRIVATE", "git.example.com/*"));
        assertThat(GoDockerBuildParameters.failOnGate(StepArguments.of("goDockerBuild", given))).isTrue();
    }

    @Test
    void engineGoReachesTheSpecificationAndBuildKitOnlyParametersAreRefusedUnderTheirStepNames() {
        GoDockerBuildSpec spec = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("engine", "go")), StepCredentials.none(),
            StepDefaults.none(), Map.of()).specification();
        assertThat(spec.engine()).isEqualTo(io.jenkins.plugins.gocontainer.operations.BuildEngine.GO);
        GocbException error = (GocbException) org.assertj.core.api.Assertions.catchThrowable(() -> GoDockerBuildParameters.call(
            StepArguments.of("goDockerBuild", Map.of("engine", "go", "target", "final")), StepCredentials.none(), StepDefaults.none(), Map.of()));
        assertThat(error.getMessage()).startsWith("target does not apply to engine go");
    }

    @Test
    void ldflagsVarsAreAListOfPkgDotNameTemplatesCheckedUnderTheirParameterName() {
        GoDockerBuildSpec spec = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("ldflagsVars",
                List.of("main.commit={{.Revision}}", "example.com/svc/build.Note=built on {{.Branch}}"))), StepCredentials.none(),
            StepDefaults.none(), Map.of()).specification();
        GoDockerBuildSpec single = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("ldflagsVars", "main.commit={{.Revision}}")),
            StepCredentials.none(), StepDefaults.none(), Map.of()).specification();

        assertThat(spec.ldflagsVars()).containsExactly("main.commit={{.Revision}}", "example.com/svc/build.Note=built on {{.Branch}}");
        assertThat(single.ldflagsVars()).containsExactly("main.commit={{.Revision}}");
        GocbException error = (GocbException) org.assertj.core.api.Assertions.catchThrowable(() -> GoDockerBuildParameters.call(
            StepArguments.of("goDockerBuild", Map.of("ldflagsVars", List.of("main.commit={{.Sha}}"))), StepCredentials.none(), StepDefaults.none(),
            Map.of()));
        assertThat(error.getMessage()).startsWith("invalid ldflagsVars 'main.commit={{.Sha}}'");
    }

    @Test
    void theGlobalConfigurationFillsWhatTheStepLeavesOutAndTheStepOverridesIt() {
        GoDockerBuildSpec inherited = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("image", "r.example.com/a")),
            StepCredentials.none(), GLOBAL, Map.of()).specification();
        assertThat(inherited.buildkit().address()).isEqualTo("tcp://buildkit.internal:1234");
        assertThat(inherited.buildkit().tlsCaCert()).isEqualTo("/etc/gocb/ca.pem");
        // Jenkins-wide mirrors apply where a Dockerfile reads their image and are passed over elsewhere: defaults, not step options.
        assertThat(inherited.baseImages()).isEmpty();
        assertThat(inherited.defaultBaseImages()).containsExactly("golang:1.26=docker-image://mirror.internal/golang:1.26");
        assertThat(inherited.insecureRegistries()).containsExactly("mirror.internal");
        assertThat(inherited.cacheStore()).isEqualTo("dir=/var/cache/gocb");
        assertThat(inherited.gates().maxImageSize()).isEqualTo(ByteSize.parse("300MB"));

        GoDockerBuildSpec overridden = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("image", "r.example.com/a",
            "address", "unix:///run/buildkit/buildkitd.sock", "baseImages", List.of("golang:1.26=/srv/golang"), "maxImageSize", "20MB",
            "insecureRegistries", List.of("10.0.0.5:5000"))), StepCredentials.none(), GLOBAL, Map.of()).specification();
        assertThat(overridden.buildkit().address()).isEqualTo("unix:///run/buildkit/buildkitd.sock");
        assertThat(overridden.buildkit().tlsCaCert()).as("the global TLS files belong to the global address").isNull();
        assertThat(overridden.baseImages()).containsExactly("golang:1.26=/srv/golang");
        assertThat(overridden.defaultBaseImages()).isEmpty();
        assertThat(overridden.insecureRegistries()).containsExactly("mirror.internal", "10.0.0.5:5000");
        assertThat(overridden.gates().maxImageSize()).isEqualTo(ByteSize.parse("20MB"));
    }

    @Test
    void aStepOnBuildxInheritsNoneOfTheGlobalBuildctlBuilder() {
        GoDockerBuildSpec spec = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("driver", "buildx", "buildxBuilder", "remote")),
            StepCredentials.none(), GLOBAL, Map.of()).specification();
        assertThat(spec.buildkit().driver()).isEqualTo(BuilderSettings.Driver.BUILDX);
        assertThat(spec.buildkit().address()).isNull();
        assertThat(spec.buildkit().buildxBuilder()).isEqualTo("remote");
    }

    @Test
    void credentialsTravelAsNamedSecretsAndNeverInTheSpecification() throws Exception {
        StepCredentials credentials = StepCredentials.none()
            .withSshKey(new StepCredentials.SshKey("deploy-key", "git", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n", "open-sesame"))
            .withGitToken(new StepCredentials.Login("gitlab-token", "oauth2", "glpat-123456"))
            .withRegistry(new StepCredentials.Login("registry", "ci", "registry-password"));
        StepCall<GoDockerBuildSpec> call = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("image", "r.example.com/a",
            "sshCredentialsId", "deploy-key", "gitTokenCredentialsId", "gitlab-token", "gitHost", "gitlab.example.com",
            "registryCredentialsId", "registry")), credentials, StepDefaults.none(), Map.of());

        assertThat(call.secrets().names()).containsExactlyInAnyOrder(SharedParameters.SSH_KEY, SharedParameters.SSH_PASSPHRASE,
            SharedParameters.GIT_TOKEN, SharedParameters.REGISTRY_PASSWORD);
        assertThat(call.specification().privateModules().sshKeySecret()).isEqualTo(SharedParameters.SSH_KEY);
        assertThat(call.specification().privateModules().netrc()).singleElement().satisfies(login -> {
            assertThat(login.host()).isEqualTo("gitlab.example.com");
            assertThat(login.login()).isEqualTo("oauth2");
            assertThat(login.tokenVariable()).isEqualTo(SharedParameters.GIT_TOKEN);
        });
        assertThat(call.specification().registryUser()).isEqualTo("ci");
        String serialized = new String(serialize(call.specification()), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(serialized).doesNotContain("open-sesame", "glpat-123456", "registry-password", "BEGIN OPENSSH");
        assertThat(call.secrets().toString()).doesNotContain("open-sesame", "glpat-123456", "registry-password");
        assertThat(credentials.toString()).doesNotContain("open-sesame", "glpat-123456", "registry-password", "BEGIN");
    }

    @Test
    void aCaCertificateCredentialBecomesANamedSecretAndAKeyIsNotACertificate() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        StepCall<GoDockerBuildSpec> call = GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("caCertificateCredentialsId", "internal-ca")),
            StepCredentials.none().withCaCertificate(new StepCredentials.Certificate("internal-ca", pem)), StepDefaults.none(), Map.of());
        assertThat(call.specification().privateModules().caCertificateSecrets()).containsExactly(SharedParameters.CA_CERTIFICATE);
        assertThat(call.secrets().names()).containsExactly(SharedParameters.CA_CERTIFICATE);
        assertThatThrownBy(() -> new StepCredentials.Certificate("internal-ca", "-----BEGIN PRIVATE KEY-----"))
            .hasMessageContaining("the file credential 'internal-ca' holds no PEM certificate");
    }

    @Test
    void anUnknownParameterIsRefusedWithTheClosestName() {
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("maxImagesize", "50MB")),
            StepCredentials.none(), StepDefaults.none(), Map.of()))
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("goDockerBuild has no parameter 'maxImagesize'")
            .hasMessageContaining("did you mean 'maxImageSize'?");
    }

    @Test
    void aValueOfTheWrongShapeNamesTheParameter() {
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("platforms", Map.of("a", "b"))),
            StepCredentials.none(), StepDefaults.none(), Map.of()))
            .hasMessageContaining("goDockerBuild parameter 'platforms' must be a list of strings, not a map")
            .hasMessageContaining("platforms: ['a', 'b']");
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("maxLintIssues", "many", "lintReport", "r.json")),
            StepCredentials.none(), StepDefaults.none(), Map.of()))
            .hasMessageContaining("'maxLintIssues' must be a whole number");
    }

    @Test
    void settingsInCoresMessagesAreSpelledAsTheStepsParameters() {
        GocbException error = (GocbException) org.assertj.core.api.Assertions.catchThrowable(() -> GoDockerBuildParameters.call(
            StepArguments.of("goDockerBuild", Map.of("moduleCache", "m", "vendored", true)), StepCredentials.none(), StepDefaults.none(), Map.of()));
        assertThat(error.message(StepSettingNames.INSTANCE)).contains("both moduleCache and vendored were given");
        GocbException images = (GocbException) org.assertj.core.api.Assertions.catchThrowable(() -> GoDockerBuildParameters.call(
            StepArguments.of("goDockerBuild", Map.of("image", List.of("r.example.com/a", "r.example.com/b:1"))), StepCredentials.none(),
            StepDefaults.none(), Map.of()));
        assertThat(images.message(StepSettingNames.INSTANCE)).startsWith("image r.example.com/a has no tag");
    }

    @Test
    void gateOptionsWithoutAGateAreRefused() {
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("failOnGate", false)), StepCredentials.none(),
            StepDefaults.none(), Map.of()))
            .hasMessageContaining("failOnGate was given without a gate");
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("onBreach", "unstable")), StepCredentials.none(),
            StepDefaults.none(), Map.of()))
            .hasMessageContaining("onBreach was given without a gate");
    }

    @Test
    void aTokenWithoutItsHostIsRefused() {
        assertThatThrownBy(() -> GoDockerBuildParameters.call(StepArguments.of("goDockerBuild", Map.of("gitTokenCredentialsId", "t")),
            StepCredentials.none().withGitToken(new StepCredentials.Login("t", "oauth2", "secret-token")), StepDefaults.none(), Map.of()))
            .hasMessageContaining("gitTokenCredentialsId needs gitHost")
            .hasMessageNotContaining("secret-token");
    }

    @Test
    void aKeyCredentialWithoutKeyMaterialIsRefusedByItsId() {
        assertThatThrownBy(() -> new StepCredentials.SshKey("deploy-key", "git", " ", null))
            .hasMessageContaining("the SSH credential 'deploy-key' holds no private key");
    }

    private static byte[] serialize(java.io.Serializable value) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
