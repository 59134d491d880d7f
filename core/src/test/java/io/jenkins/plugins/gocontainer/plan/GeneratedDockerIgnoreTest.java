package io.jenkins.plugins.gocontainer.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedDockerIgnoreTest {

    @TempDir
    Path root;

    @Test
    void keepsTheContextsRulesAndLeavesGocbCachesInsideTheContextOut() throws Exception {
        Path context = Files.createDirectories(root.resolve("svc"));
        Files.writeString(context.resolve("go.mod"), "module example.com/svc\n\ngo 1.26\n");
        Files.writeString(context.resolve("main.go"), "package main\n\nfunc main() {}\n");
        Files.writeString(context.resolve(".dockerignore"), "*.md");
        Files.createDirectories(context.resolve("ci/modcache/cache/download"));
        Path buildCache = Files.createDirectories(root.resolve("outside/gobuild"));

        BuildPlan plan = new BuildPlanner(root).plan(BuildRequest.builder(context)
            .moduleSource(new ModuleSource.ProxyDirectory(context.resolve("ci/modcache")))
            .goBuildCache(buildCache)
            .build());

        assertThat(GeneratedDockerIgnore.text(plan).lines().toList())
            .containsExactly("*.md", "# added by gocb: its caches reach the build as named contexts, not with the context", "/.gocb", "/ci/modcache");
    }
}
