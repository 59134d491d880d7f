package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.Severity;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.tags.Flavor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plugin sends to an agent and gets back: every specification and result survives Java
 * serialization unchanged, secrets travel only in {@link Secrets} and never show in a toString,
 * and every result's map holds only the plain values a CPS pipeline can keep.
 */
class OperationsSerializationTest {

    private static final String TOKEN = "s3cr3t";

    @Test
    void aFullyPopulatedBuildSpecSurvivesSerializationUnchanged() throws Exception {
        GoDockerBuildSpec spec = fullBuildSpec();
        assertThat(spec.privateModules()).isNotEqualTo(PrivateModuleSettings.none());
        assertThat(spec.buildkit()).isNotEqualTo(BuilderSettings.defaults());
        assertThat(spec.tagPolicy()).isNotEqualTo(TagPolicySettings.defaults());
        assertThat(spec.gates()).isNotEqualTo(GateSettings.none());

        GoDockerBuildSpec copy = roundTrip(spec);

        assertThat(copy).isEqualTo(spec).isNotSameAs(spec);
        assertThat(copy.privateModules()).isEqualTo(spec.privateModules());
        assertThat(copy.buildkit()).isEqualTo(spec.buildkit());
        assertThat(copy.tagPolicy()).isEqualTo(spec.tagPolicy());
        assertThat(copy.gates()).isEqualTo(spec.gates());
        assertThat(copy.toString()).isEqualTo(spec.toString());
    }

    @Test
    void aVendorSpecSurvivesSerializationUnchanged() throws Exception {
        GoModVendorSpec spec = GoModVendorSpec.builder()
            .context("services/api")
            .mode(GoModMode.DOWNLOAD)
            .moduleCache(".gocb/gomodcache")
            .go("/opt/go/bin/go")
            .cacheStore("dir=/var/cache/gocb")
            .insecureRegistries(List.of("registry.internal:5000"))
            .privateModules(privateModules())
            .build();

        assertThat(roundTrip(spec)).isEqualTo(spec).isNotSameAs(spec);
    }

    @Test
    void aPushTagsSpecSurvivesSerializationUnchanged() throws Exception {
        PushTagsSpec spec = PushTagsSpec.builder("registry.example.com/team/app", "sha-abc1234")
            .context("checkout")
            .tagPolicy(new TagPolicySettings(List.of("type=semver,pattern={{version}}", "type=raw,value=stable"), Flavor.Latest.FALSE,
                "v", true, "-alpine", false, true, "main", "v1.2.3", null, "app"))
            .registryUser("ci-bot")
            .registryPasswordSecret("REGISTRY_PASSWORD")
            .insecureRegistries(List.of("registry.example.com"))
            .build();

        PushTagsSpec copy = roundTrip(spec);

        assertThat(copy).isEqualTo(spec);
        assertThat(copy.source()).isEqualTo(ImageReference.parse("registry.example.com/team/app:sha-abc1234"));
    }

    @Test
    void everyResultTypeSurvivesSerializationUnchanged() throws Exception {
        for (Object result : List.of(buildResult(), vendorResult(), pushTagsResult(), buildPlan())) {
            assertThat(roundTrip((Serializable) result)).as(result.getClass().getSimpleName()).isEqualTo(result).isNotSameAs(result);
        }
    }

    @Test
    void secretsRoundTripEqualAndShowOnlyTheirNames() throws Exception {
        Secrets secrets = Secrets.of(Map.of("GIT_TOKEN", TOKEN));

        Secrets copy = roundTrip(secrets);

        assertThat(copy).isEqualTo(secrets).hasSameHashCodeAs(secrets);
        assertThat(copy.names()).containsExactly("GIT_TOKEN");
        assertThat(secrets.toString()).isEqualTo("Secrets[GIT_TOKEN=****]").doesNotContain(TOKEN);
        assertThat(copy.toString()).isEqualTo("Secrets[GIT_TOKEN=****]");
        assertThat(secrets.with("PASSPHRASE", "pass-phrase-value").toString())
            .isEqualTo("Secrets[GIT_TOKEN=****, PASSPHRASE=****]").doesNotContain(TOKEN, "pass-phrase-value");
    }

    @Test
    void aSpecNamesItsSecretsOnlyByNameInToStringAndInItsSerializedForm() throws Exception {
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .image("registry.example.com/team/app:1")
            .privateModules(new PrivateModuleSettings(null, null, null, false, null, null, List.of(),
                List.of(new NetrcLogin("git.example.com", "ci-bot", "GIT_TOKEN")), List.of(), List.of(), List.of(), Map.of(), false))
            .build();
        Secrets secrets = Secrets.of(Map.of("GIT_TOKEN", TOKEN));
        OperationContext context = OperationContext.of(java.nio.file.Path.of("/work"), Map.of("PATH", "/usr/bin"), line -> { })
            .withSecrets(secrets);

        assertThat(spec.toString()).contains("GIT_TOKEN").doesNotContain(TOKEN);
        assertThat(context.toString()).contains("GIT_TOKEN").doesNotContain(TOKEN);
        assertThat(new String(serialize(spec), StandardCharsets.ISO_8859_1)).contains("GIT_TOKEN").doesNotContain(TOKEN);
        assertThat(new String(serialize(secrets), StandardCharsets.ISO_8859_1)).contains(TOKEN);
    }

    @Test
    void theBuildResultMapHoldsOnlyPlainValuesUnderTheDocumentedKeys() {
        LinkedHashMap<String, Object> map = buildResult().toMap();

        assertPlain("build result", map);
        assertThat(map).containsKeys("image", "digest", "pinned", "candidate", "tags", "withheld", "version", "revision", "platforms", "size",
            "gates", "outcome", "builder", "durations");
        assertThat(map.get("outcome")).isEqualTo("FAILED");
        assertThat(map.get("size")).isEqualTo(4_321_000L);
        assertThat((List<?>) map.get("gates")).singleElement().satisfies(row -> assertThat(((Map<?, ?>) row).get("name")).isEqualTo("size"));
        assertThat(((Map<?, ?>) map.get("durations")).get("total")).isEqualTo(4200L);
    }

    @Test
    void theVendorPushTagsAndPlanMapsHoldOnlyPlainValues() {
        assertPlain("vendor result", vendorResult().toMap());
        assertPlain("push-tags result", pushTagsResult().toMap());
        assertPlain("build plan", buildPlan().toMap());
        assertThat(vendorResult().toMap()).containsEntry("modules", 7).containsEntry("bytes", 123_456L);
        assertThat(pushTagsResult().toMap()).containsEntry("bytesSent", 9_999L);
    }

    @Test
    void thePlainValueCheckerRejectsOtherTypes() {
        LinkedHashMap<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("bad", List.of("immutable"))))));
        assertThat(nonPlain("", nested)).containsExactly(".list[0].bad: java.util.ImmutableCollections$List12");
        assertThat(nonPlain("", new LinkedHashMap<>(Map.of("e", GateOutcome.PASSED)))).containsExactly(".e: " + GateOutcome.class.getName());
    }

    // --- fixtures

    private static PrivateModuleSettings privateModules() {
        return new PrivateModuleSettings("keys/id_ed25519", null, "SSH_PASSPHRASE", false, null, "known_hosts",
            List.of(new GitSshHost("git", "git.example.com", 2222)),
            List.of(new NetrcLogin("git.example.com", "ci-bot", "GIT_TOKEN")),
            List.of(new GitRewrite("https://git.example.com/", "ssh://git@git.example.com:2222/")),
            List.of("certs/internal-ca.pem"),
            List.of("INTERNAL_CA"),
            Map.of("GOPRIVATE", "git.example.com/*"),
            true);
    }

    static GoDockerBuildSpec fullBuildSpec() {
        return GoDockerBuildSpec.builder()
            .context("services/api")
            .dockerfile("build/Dockerfile")
            .mainPackage("./cmd/api")
            .image("registry.example.com/team/api")
            .appVersion("1.2.3")
            .target("runtime")
            .buildArg("HTTP_PORT", "8080")
            .platform("linux/amd64,linux/arm64/v8")
            .label("org.example.team", "platform")
            .baseImage("golang:1.26=/srv/rootfs/golang")
            .buildSecret("npmrc", "secrets/npmrc")
            .ssh("default", List.of("keys/deploy"))
            .addHost("git.example.com=10.0.0.5")
            .insecureRegistry("registry.example.com")
            .cache("local=.gocb/layer-cache")
            .cache("registry=registry.example.com/team/api:buildcache")
            .moduleCache(".gocb/gomodcache")
            .noCache(true)
            .goBuildCache(".gocb/go-build")
            .cacheStore("dir=/var/cache/gocb")
            .metadataFile("metadata.json")
            .privateModules(privateModules())
            .buildkit(new BuilderSettings("tcp://buildkitd.example.com:1234", "tls/ca.pem", "tls/cert.pem", "tls/key.pem", "buildkitd.example.com",
                BuilderSettings.Driver.BUILDCTL, null, "/var/lib/gocb"))
            .tagPolicy(new TagPolicySettings(List.of("type=semver,pattern={{major}}.{{minor}}", "type=ref,event=branch"), Flavor.Latest.TRUE,
                "api-", true, "-linux", true, true, "main", "v1.2.3", "42", "API service"))
            .gates(new GateSettings(ByteSize.parse("50MB"), Map.of("linux/arm64", ByteSize.parse("40MB")), GrowthLimit.parse("10%"),
                ImageReference.parse("registry.example.com/team/api:1.2.2"), true, OnBreach.UNSTABLE, "golangci-lint.json", 3,
                Map.of(Severity.ERROR, 0), Map.of("errcheck", 1), "lint-baseline.json", OnBreach.UNSTABLE, "gates.json", "gates.xml"))
            .build();
    }

    private static GoDockerBuildResult buildResult() {
        return new GoDockerBuildResult("registry.example.com/team/api", "sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64),
            "application/vnd.oci.image.index.v1+json", "registry.example.com/team/api@sha256:" + "a".repeat(64),
            "registry.example.com/team/api:sha-abc1234", List.of("registry.example.com/team/api:sha-abc1234"),
            List.of("registry.example.com/team/api:1.2.3", "registry.example.com/team/api:latest"), "1.2.3", "abc1234" + "0".repeat(33),
            List.of("linux/amd64", "linux/arm64"), 4_321_000L, Map.of("linux/amd64", 4_321_000L, "linux/arm64", 4_000_000L), null,
            List.of(new GateRow("size", "FAILED", "4.3 MB", "1 KB", "image is 4.3 MB, more than 1 KB")), "size  FAILED  4.3 MB  1 KB\n",
            GateOutcome.FAILED, "buildctl", "unix:///run/buildkit/buildkitd.sock", Map.of("org.opencontainers.image.version", "1.2.3"),
            List.of("a note"), Map.of("plan", 10L, "build", 4000L, "push", 0L, "gates", 190L, "total", 4200L));
    }

    private static GoModVendorResult vendorResult() {
        return new GoModVendorResult("download", "go1.26.0", 7, 123_456L, 2_500L, "/work/.gocb/gomodcache",
            Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "file:///work/.gocb/gomodcache/cache/download,off"), "miss", List.of("note one"));
    }

    private static PushTagsResult pushTagsResult() {
        return new PushTagsResult("registry.example.com/team/api", "sha256:" + "c".repeat(64), "application/vnd.oci.image.manifest.v1+json",
            List.of(new PushTagsResult.Tag("stable", "created", null), new PushTagsResult.Tag("1.0", "moved", "sha256:" + "d".repeat(64))),
            List.of("registry.example.com/team/api:stable", "registry.example.com/team/api:1.0"), 2, 1, 9_999L);
    }

    private static GoDockerBuildPlan buildPlan() {
        return new GoDockerBuildPlan("Build of example.com/api", "buildctl", "unix:///run/buildkit/buildkitd.sock",
            List.of("buildctl", "build", "--frontend", "dockerfile.v0"), List.of("registry.example.com/team/api:sha-abc1234"),
            List.of("registry.example.com/team/api:1.2.3"), "FROM scratch\n");
    }

    // --- helpers

    private static byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(value)))) {
            return (T) in.readObject();
        }
    }

    private static final Set<Class<?>> PLAIN = Set.of(String.class, Long.class, Integer.class, Boolean.class, ArrayList.class, LinkedHashMap.class);

    private static void assertPlain(String what, Map<String, Object> map) {
        assertThat(map).isInstanceOf(LinkedHashMap.class);
        assertThat(nonPlain("", map)).as(what + ": values other than String, Long, Integer, Boolean, ArrayList, LinkedHashMap or null").isEmpty();
    }

    /** Every value below {@code value} (itself included) whose class is not one of the plain ones, with its path. */
    private static List<String> nonPlain(String path, Object value) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        if (!PLAIN.contains(value.getClass())) {
            found.add(path + ": " + value.getClass().getName());
            return found;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> {
                if (!(key instanceof String)) {
                    found.add(path + " key " + key + ": " + (key == null ? "null" : key.getClass().getName()));
                }
                found.addAll(nonPlain(path + "." + key, entry));
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(nonPlain(path + "[" + i + "]", list.get(i)));
            }
        }
        return found;
    }
}
