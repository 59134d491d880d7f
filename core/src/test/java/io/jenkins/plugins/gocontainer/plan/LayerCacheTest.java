package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.buildkit.BuildFiles;
import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.buildkit.BuildxDriver;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerCacheTest {

    @TempDir
    Path root;

    private Path context;
    private BuildPlanner planner;

    @BeforeEach
    void setUp() throws IOException {
        context = Files.createDirectory(root.resolve("service"));
        Files.writeString(context.resolve("go.mod"), "module example.com/svc\n\ngo 1.26\n");
        Files.writeString(context.resolve("main.go"), "package main\n\nfunc main() {}\n");
        planner = new BuildPlanner(root);
    }

    private BuildPlan plan(String image, String... caches) {
        BuildRequest.Builder request = BuildRequest.builder(context);
        if (image != null) {
            request.image(image);
        }
        for (String cache : caches) {
            request.layerCache(LayerCache.parse(cache, java.nio.file.Path.of("").toAbsolutePath()));
        }
        return planner.plan(request.build());
    }

    @Test
    void registryCacheDefaultsToTheBuildcacheTagOfThePushedRepository() {
        BuildPlan plan = plan("registry.example.com/team/svc:1.2.3", "registry");

        assertThat(plan.layerCaches()).singleElement().satisfies(cache -> {
            assertThat(cache.importSpec()).contains("type=registry,ref=registry.example.com/team/svc:buildcache");
            assertThat(cache.exportSpec()).isEqualTo("type=registry,ref=registry.example.com/team/svc:buildcache,mode=max,ignore-error=true");
        });
    }

    @Test
    void aLoopbackCacheRegistryIsSpokenToOverHttp() {
        BuildPlan plan = plan("127.0.0.1:5000/svc:1", "registry=127.0.0.1:5000/cache/svc:main");

        assertThat(plan.layerCaches().get(0).exportSpec()).endsWith(",registry.insecure=true").contains("ref=127.0.0.1:5000/cache/svc:main");
    }

    @Test
    void aLocalCacheIsImportedOnlyOnceItExistsAndExportedNextToIt() throws IOException {
        Path cache = root.resolve("layer-cache");
        BuildPlan first = plan(null, "local=" + cache);

        assertThat(first.layerCaches().get(0).importSpec()).isEmpty();
        assertThat(first.layerCaches().get(0).exportSpec()).isEqualTo("type=local,dest=" + root.resolve("layer-cache.incoming") + ",mode=max,ignore-error=true");

        Files.createDirectories(cache);
        Files.writeString(cache.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(cache.resolve("index.json"), "{}");
        assertThat(plan(null, "local=" + cache).layerCaches().get(0).importSpec()).as("an index without manifests is damage").isEmpty();

        String manifest = io.jenkins.plugins.gocontainer.registry.Digests.sha256("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.createDirectories(cache.resolve("blobs/sha256"));
        Files.writeString(cache.resolve("blobs/sha256").resolve(manifest.substring(7)), "{}");
        Files.writeString(cache.resolve("index.json"), "{\"manifests\":[{\"digest\":\"" + manifest + "\",\"size\":2}]}");
        assertThat(plan(null, "local=" + cache).layerCaches().get(0).importSpec()).contains("type=local,src=" + cache);
    }

    @Test
    void inlineCacheComesFromThePushedImage() {
        BuildPlan plan = plan("registry.example.com/team/svc:1.2.3", "inline");

        assertThat(plan.layerCaches().get(0).importSpec()).contains("type=registry,ref=registry.example.com/team/svc:1.2.3");
        assertThat(plan.layerCaches().get(0).exportSpec()).isEqualTo("type=inline");
    }

    @Test
    void cachesThatNeedAPushedImageSaySoForArchiveBuilds() {
        assertThatThrownBy(() -> plan(null, "registry")).isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("caches registry has no image to name the cache after");
        assertThatThrownBy(() -> plan(null, "inline")).isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("caches inline needs a pushed image");
    }

    @Test
    void badCacheKindsAreExplained() {
        assertThatThrownBy(() -> LayerCache.parse("s3=bucket", java.nio.file.Path.of("").toAbsolutePath())).hasMessageContaining("the cache kinds are registry, local and inline");
        assertThatThrownBy(() -> LayerCache.parse("local", java.nio.file.Path.of("").toAbsolutePath())).hasMessageContaining("needs its directory");
        assertThatThrownBy(() -> LayerCache.parse("inline=x", java.nio.file.Path.of("").toAbsolutePath())).hasMessageContaining("takes no location");
    }

    @Test
    void bothClientsGetImportAndExportFlags() {
        BuildPlan plan = plan("registry.example.com/team/svc:1.2.3", "registry");
        BuildFiles files = new BuildFiles(root.resolve("Dockerfile"), root.resolve("metadata.json"));

        List<String> buildctl = new BuildctlDriver(BuilderConnection.of("unix:///run/b.sock")).buildCommand(plan, files).argv();
        List<String> buildx = new BuildxDriver(List.of("buildx"), null, null).buildCommand(plan, files).argv();

        assertThat(String.join(" ", buildctl)).contains("--import-cache type=registry,ref=registry.example.com/team/svc:buildcache --export-cache type=registry,");
        assertThat(String.join(" ", buildx)).contains("--cache-from type=registry,ref=registry.example.com/team/svc:buildcache --cache-to type=registry,");
    }

    @Test
    void aLocalCacheDirectoryHoldingTheUsersFilesIsRefusedAndLeftAsItWas() throws IOException {
        Path workspace = Files.createDirectory(root.resolve("workspace"));
        Path notes = Files.writeString(workspace.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> plan("registry.example.com/team/svc:1", "local=" + workspace))
            .isInstanceOf(io.jenkins.plugins.gocontainer.InvalidBuildRequestException.class)
            .hasMessageContaining("already holds files that are not a layer cache")
            .hasMessageContaining(workspace.resolve(".buildcache").toString());
        assertThat(Files.readString(notes)).isEqualTo("mine");
    }

    @Test
    void theFixForAnOccupiedCacheDirectoryWorksWhenFollowed() throws IOException {
        Path workspace = Files.createDirectory(root.resolve("workspace"));
        Files.writeString(workspace.resolve("notes.txt"), "mine");
        String fixed = "local=" + workspace.resolve(".buildcache");

        assertThat(plan("registry.example.com/team/svc:1", fixed).layerCaches()).singleElement()
            .isEqualTo(new LayerCacheExchange.Local(workspace.resolve(".buildcache")));
    }

    @Test
    void aFileAtTheLocalCachePathIsRefused() throws IOException {
        Path file = Files.writeString(root.resolve("cache.tar"), "not a cache");

        assertThatThrownBy(() -> plan("registry.example.com/team/svc:1", "local=" + file))
            .hasMessageContaining("is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a cache");
    }

    @Test
    void anEmptyDirectoryOrAnOciLayoutIsAcceptedAsALocalCache() throws IOException {
        Path empty = Files.createDirectory(root.resolve("empty"));
        Path layout = Files.createDirectory(root.resolve("layout"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{}");

        assertThat(plan("registry.example.com/team/svc:1", "local=" + empty, "local=" + layout).layerCaches()).hasSize(2);
    }
}
