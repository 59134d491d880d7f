package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --engine go} against the real registry and builder: the agent's go compiles, gocb writes and pushes the image, and the
 * image runs on the real runc (through BuildKit) printing what the service prints.
 */
@ExtendWith(RealEnvironment.Extension.class)
class GoEngineIT {

    @Test
    void aReleaseBuiltByTheGoEngineIsTaggedAndRuns(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("go-engine-");
        String commit = OperationFixture.releaseRepository(workspace.resolve("svc"), "v1.4.0");
        String repository = env.registry().hostPort() + "/goengine/modules";
        OperationFixture.Log log = new OperationFixture.Log();

        GoDockerBuildResult result = new GoDockerBuild().run(spec(repository).build(), context(workspace, log));

        assertThat(result.driver()).as(log.text()).isEqualTo(GoDockerBuild.GO_ENGINE);
        assertThat(result.toMap()).containsEntry("engine", "go");
        assertThat(result.candidate()).isEqualTo(repository + ":sha-" + commit.substring(0, 7));
        assertThat(result.tags()).contains(repository + ":1.4.0", repository + ":latest");
        assertThat(RegistryProbe.manifest(env.registry(), "goengine/modules", "1.4.0").computedDigest()).isEqualTo(result.digest());
        Map<String, Object> config = config(env, result);
        assertThat(config.get("config").toString()).contains("User=65532:65532", "Entrypoint=[/usr/local/bin/modules]",
            "org.opencontainers.image.revision=" + commit, "org.opencontainers.image.version=1.4.0");
        assertThat(config.get("created")).isEqualTo("2026-10-01T12:00:00Z");
        assertThat(log.lines()).noneMatch(line -> line.contains("buildctl"));

        List<String> printed = ImageRun.run(env, result.pinned(), "/usr/local/bin/modules");
        assertThat(printed).contains("greeting: hello, gocb");
    }

    @Test
    void oneCommitBuiltTwiceFromCleanStateGivesOneDigestAndAChangeOnlyChangesTheBinaryLayer(RealEnvironment env) throws Exception {
        String repository = env.registry().hostPort() + "/goengine/reproducible";
        List<GoDockerBuildResult> results = new ArrayList<>();
        List<OperationFixture.Log> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path workspace = env.newDirectory("go-engine-clean-" + i + "-");
            OperationFixture.releaseRepository(workspace.resolve("svc"), "v2.0.0");
            OperationFixture.Log log = new OperationFixture.Log();
            // An empty Go build cache of its own each time: nothing of the first build helps the second.
            results.add(new GoDockerBuild().run(spec(repository).goBuildCache("gocache").build(), context(workspace, log)));
            logs.add(log);
        }
        assertThat(results.get(1).digest()).as(logs.get(1).text()).isEqualTo(results.get(0).digest());
        assertThat(logs.get(1).lines()).as("the registry had every blob")
            .anyMatch(line -> line.matches("gocb: 0 blobs uploaded \\(0 ?B\\), 3 already in the registry"));

        Path workspace = env.newDirectory("go-engine-change-");
        OperationFixture.releaseRepository(workspace.resolve("svc"), "v2.0.0");
        Files.writeString(workspace.resolve("svc/main.go"), "\n// a one-line change\n", java.nio.file.StandardOpenOption.APPEND);
        try (GitFixture git = GitFixture.open(workspace.resolve("svc"))) {
            git.commit("a one-line change", Instant.parse("2026-10-02T12:00:00Z"));
        }
        OperationFixture.Log log = new OperationFixture.Log();
        GoDockerBuildResult changed = new GoDockerBuild().run(spec(repository).build(), context(workspace, log));

        List<String> before = layers(env, results.get(0));
        List<String> after = layers(env, changed);
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).as("the base layer").isEqualTo(before.get(0));
        assertThat(after.get(1)).as("the binary's layer").isNotEqualTo(before.get(1));
        assertThat(log.lines()).as("the binary's layer and the config are new, the base layer is not")
            .anyMatch(line -> line.matches("gocb: 2 blobs uploaded \\(.*\\), 1 already in the registry"));
    }

    @Test
    void twoPlatformsGiveAnIndexWhoseArm64BinaryIsAnArmElf(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("go-engine-multi-");
        OperationFixture.releaseRepository(workspace.resolve("svc"), "v3.0.0");
        String repository = env.registry().hostPort() + "/goengine/multi";

        GoDockerBuildResult result = new GoDockerBuild().run(spec(repository).platforms(List.of("linux/amd64", "linux/arm64")).build(),
            context(workspace, new OperationFixture.Log()));

        Map<String, Object> index = Json.parseObject(RegistryProbe.manifest(env.registry(), "goengine/multi", result.digest()).body());
        assertThat(index.get("mediaType")).isEqualTo("application/vnd.oci.image.index.v1+json");
        List<?> manifests = (List<?>) index.get("manifests");
        assertThat(manifests).hasSize(2);
        Map<?, ?> arm = manifests.stream().map(Map.class::cast)
            .filter(m -> ((Map<?, ?>) m.get("platform")).get("architecture").equals("arm64")).findFirst().orElseThrow();
        Map<String, Object> armManifest = Json.parseObject(RegistryProbe.manifest(env.registry(), "goengine/multi", (String) arm.get("digest")).body());
        String binaryLayer = (String) ((Map<?, ?>) ((List<?>) armManifest.get("layers")).get(1)).get("digest");
        byte[] elf = fileInLayer(env.registry().blobFile(binaryLayer), "usr/local/bin/modules", 20);
        assertThat(Arrays.copyOf(elf, 4)).isEqualTo(new byte[] {0x7f, 'E', 'L', 'F'});
        assertThat((elf[18] & 0xff) | (elf[19] & 0xff) << 8).as("e_machine AArch64").isEqualTo(0xB7);
        assertThat(result.platforms()).containsExactly("linux/amd64", "linux/arm64");
    }

    @Test
    void aMainPackageThatImportsCIsRefusedWithTheBuildKitAdvice(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("go-engine-cgo-");
        Path svc = Files.createDirectories(workspace.resolve("svc"));
        Files.writeString(svc.resolve("go.mod"), "module example.com/cgo\n\ngo 1.26\n");
        Files.writeString(svc.resolve("main.go"), "package main\n\n// int answer() { return 42; }\nimport \"C\"\n\nfunc main() { println(C.answer()) }\n");

        assertThatThrownBy(() -> new GoDockerBuild().run(GoDockerBuildSpec.builder().context("svc").ociArchive("cgo.oci.tar").engine("go").build(),
                context(workspace, new OperationFixture.Log())))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("needs cgo")
            .hasMessageContaining("CGO_ENABLED=0")
            .hasMessageContaining("leave engine out");
        assertThat(workspace.resolve("cgo.oci.tar")).doesNotExist();
    }

    private static GoDockerBuildSpec.Builder spec(String repository) {
        return GoDockerBuildSpec.builder().context("svc").image(repository).moduleCache(TestModules.cache().toString()).engine("go")
            .insecureRegistries(List.of(repository.substring(0, repository.indexOf('/'))));
    }

    private static OperationContext context(Path workspace, OperationFixture.Log log) throws IOException {
        return OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log);
    }

    private static Map<String, Object> config(RealEnvironment env, GoDockerBuildResult result) throws IOException {
        return Json.parseObject(Files.readString(env.registry().blobFile(result.configDigest())));
    }

    private static List<String> layers(RealEnvironment env, GoDockerBuildResult result) throws Exception {
        String repository = result.image().substring(result.image().indexOf('/') + 1);
        Map<String, Object> manifest = Json.parseObject(RegistryProbe.manifest(env.registry(), repository, result.digest()).body());
        return ((List<?>) manifest.get("layers")).stream().map(layer -> (String) ((Map<?, ?>) layer).get("digest")).toList();
    }

    /** The first {@code length} bytes of {@code name} in a gzip-compressed tar. */
    private static byte[] fileInLayer(Path layer, String name, int length) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(layer))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String entry = new String(header, 0, 100, StandardCharsets.US_ASCII).replaceAll("\0.*", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).strip(), 8);
                byte[] content = in.readNBytes((int) ((size + 511) / 512 * 512));
                if (entry.equals(name)) {
                    return Arrays.copyOf(content, length);
                }
            }
        }
        throw new AssertionError(name + " is not in " + layer);
    }
}
