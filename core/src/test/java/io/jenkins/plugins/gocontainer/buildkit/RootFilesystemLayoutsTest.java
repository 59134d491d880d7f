package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileGenerator;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RootFilesystemLayoutsTest {

    @TempDir
    Path root;

    private Path rootfs;
    private RootFilesystemLayouts layouts;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        rootfs = Files.createDirectories(root.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("usr/local/bin"));
        Path tool = Files.writeString(rootfs.resolve("usr/local/bin/tool"), "#!/bin/sh\necho tool\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(rootfs.resolve("tmp"));
        Files.setPosixFilePermissions(rootfs.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createSymbolicLink(rootfs.resolve("bin"), Path.of("usr/local/bin"));
        layouts = new RootFilesystemLayouts(root.resolve("layouts"));
    }

    @Test
    void aLocalBaseBecomesAnOciLayoutWhoseLayerIsTheDirectoryWithItsMetadata() throws Exception {
        BuildPlan plan = layouts.apply(plan(NamedContext.localDirectory("golang:1.26", rootfs)), log::add);

        NamedContext context = plan.namedContexts().get(0);
        assertThat(context.name()).isEqualTo("golang:1.26");
        assertThat(context.isLocal()).isFalse();
        assertThat(context.layoutStoreId()).get().asString().startsWith("gocb-base-");
        Path layout = context.layoutDirectory();
        assertThat(layout.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
        Map<String, Object> index = Json.parseObject(Files.readString(layout.resolve("index.json")));
        @SuppressWarnings("unchecked")
        String top = (String) ((Map<String, Object>) ((List<?>) index.get("manifests")).get(0)).get("digest");
        assertThat(context.layoutDigest()).isEqualTo(top);
        assertThat(blob(layout, top)).isRegularFile();

        Path layer = largestBlob(layout);
        String listing = run("tar", "-tvf", layer.toString());
        assertThat(listing).contains("-rwxr-x--- ").contains("usr/local/bin/tool").contains("drwxrwxrwx ").contains("tmp/")
            .contains("bin -> usr/local/bin");
        assertThat(log).singleElement().asString().contains("into an OCI layout");
    }

    @Test
    void anUnchangedDirectoryReusesItsLayoutAndAChangedOneReplacesIt() throws Exception {
        NamedContext first = layouts.apply(plan(NamedContext.localDirectory("golang:1.26", rootfs)), log::add).namedContexts().get(0);
        NamedContext again = layouts.apply(plan(NamedContext.localDirectory("golang:1.26", rootfs)), log::add).namedContexts().get(0);

        assertThat(again).isEqualTo(first);
        assertThat(log).hasSize(1);

        Files.writeString(rootfs.resolve("usr/local/bin/tool"), "#!/bin/sh\necho changed\n");
        NamedContext changed = layouts.apply(plan(NamedContext.localDirectory("golang:1.26", rootfs)), log::add).namedContexts().get(0);

        assertThat(changed.layoutDigest()).isNotEqualTo(first.layoutDigest());
        assertThat(first.layoutDirectory()).doesNotExist();
        try (Stream<Path> left = Files.list(root.resolve("layouts"))) {
            assertThat(left).containsExactly(changed.layoutDirectory());
        }
    }

    @Test
    void gocbsOwnCacheContextsAndImagesStayAsTheyAre() throws Exception {
        Path seed = Files.createDirectories(root.resolve("gocache"));
        NamedContext cache = NamedContext.localDirectory(DockerfileGenerator.BUILD_CACHE_CONTEXT, seed);
        NamedContext mirror = NamedContext.image("alpine", "docker-image://mirror.example.com/alpine");

        BuildPlan plan = plan(cache, mirror);

        assertThat(layouts.apply(plan, log::add)).isSameAs(plan);
        assertThat(log).isEmpty();
    }

    @Test
    void theDriversOfferTheLayoutAsAContentStore() throws Exception {
        BuildPlan plan = layouts.apply(plan(NamedContext.localDirectory("golang:1.26", rootfs)), log::add);
        NamedContext context = plan.namedContexts().get(0);
        BuildFiles files = new BuildFiles(Files.writeString(root.resolve("Dockerfile"), "FROM golang:1.26\n"), root.resolve("metadata.json"));

        List<String> buildctl = new BuildctlDriver(BuilderConnection.of("unix:///run/x.sock")).buildCommand(plan, files).argv();
        List<String> buildx = new BuildxDriver(List.of("buildx"), null, Map.of()).buildCommand(plan, files).argv();

        assertThat(buildctl).containsSequence("--opt", "context:golang:1.26=oci-layout://" + context.layoutStoreId().orElseThrow() + "@"
            + context.layoutDigest(), "--oci-layout", context.layoutStoreId().orElseThrow() + "=" + context.layoutDirectory());
        assertThat(buildx).containsSequence("--build-context", "golang:1.26=oci-layout://" + context.layoutDirectory() + "@" + context.layoutDigest());
    }

    @Test
    void theLayoutsLiveInTheBuildsCacheDirectoryNeverTheJvmsHome() {
        assertThat(RootFilesystemLayouts.inCacheOf(Map.of("GOCB_CACHE_DIR", "/srv/gocb", "XDG_CACHE_HOME", "/x", "HOME", "/home/ci")))
            .get().extracting(RootFilesystemLayouts::directory).isEqualTo(Path.of("/srv/gocb/base-layouts"));
        assertThat(RootFilesystemLayouts.inCacheOf(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/home/ci")))
            .get().extracting(RootFilesystemLayouts::directory).isEqualTo(Path.of("/x/gocb/base-layouts"));
        assertThat(RootFilesystemLayouts.inCacheOf(Map.of("HOME", "/home/ci")))
            .get().extracting(RootFilesystemLayouts::directory).isEqualTo(Path.of("/home/ci/.cache/gocb/base-layouts"));
        assertThat(RootFilesystemLayouts.inCacheOf(Map.of())).isEmpty();
    }

    private BuildPlan plan(NamedContext... contexts) {
        return new BuildPlan(root, new DockerfileSource.Generated("FROM golang:1.26\n"), Optional.empty(), Optional.empty(), Map.of(),
            List.of(), Map.of(), List.of(contexts), List.of(), List.of(), List.of(), new ImageOutput.OciArchive(root.resolve("image.tar")), false,
            List.of());
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    private static Path largestBlob(Path layout) throws IOException {
        try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
            return blobs.max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
