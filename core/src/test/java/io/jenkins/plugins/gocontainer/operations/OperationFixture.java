package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.RootFilesystemLayouts;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What the operation integration tests share: contexts on the real environment, a release repository, leftover scans. */
final class OperationFixture {

    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
    private static final Path SHARED_CACHE = Path.of(System.getProperty("user.home"), ".cache", "gocb", "test-cache");

    private OperationFixture() {
    }

    /**
     * The environment a build step would pass: this machine's PATH (go, buildctl, git, ssh-agent),
     * a private HOME (no Docker config, no known_hosts, no git config of the user), nothing else.
     */
    static Map<String, String> environment(Path home) throws IOException {
        Files.createDirectories(home);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        // One OCI layout of the local golang base for all tests, not one per test's HOME.
        environment.put(RootFilesystemLayouts.CACHE_DIR_VARIABLE, SHARED_CACHE.toString());
        return environment;
    }

    /**
     * With go made hermetic for GoModVendor: the test module cache as the only GOPROXY, no sum
     * database, the local toolchain, no user go env, and a go build cache of its own.
     */
    static Map<String, String> hermeticGoEnvironment(Path home) throws IOException {
        Map<String, String> environment = environment(home);
        environment.put("GOPROXY", TestModules.proxyUrl() + ",off");
        environment.put("GOSUMDB", "off");
        environment.put("GOFLAGS", "-modcacherw");
        environment.put("GOTOOLCHAIN", "local");
        environment.put("GOENV", "off");
        environment.put("GOWORK", "off");
        environment.put("GOCACHE", home.resolve(".cache/go-build").toString());
        environment.put("GOPATH", home.resolve("go").toString());
        return environment;
    }

    /** The real environment's builder, reached by its address (no other builder, none started). */
    static BuilderSettings builder(RealEnvironment env) {
        return new BuilderSettings(env.builder().address(), null, null, null, null, BuilderSettings.Driver.BUILDCTL, null, null);
    }

    /** {@code golang:1.26=DIR}: the local golang root filesystem instead of Docker Hub. */
    static String golangBase(RealEnvironment env) {
        return RealEnvironment.GOLANG_IMAGE + "=" + env.goBaseDirectory();
    }

    /** examples/modules at {@code directory}, committed at a fixed time and tagged {@code tag}; returns the commit. */
    static String releaseRepository(Path directory, String tag) throws IOException {
        TestModules.copyExample(directory);
        try (GitFixture git = GitFixture.init(directory)) {
            String commit = git.commit("release " + tag, Instant.parse("2026-10-01T12:00:00Z"));
            git.annotatedTag(tag);
            return commit;
        }
    }

    /** A log that keeps every line, safe for the client's output thread. */
    static final class Log implements OutputSink {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void line(String line) {
            lines.add(line);
        }

        List<String> lines() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }

        String text() {
            return String.join("\n", lines());
        }
    }

    /** The names in {@code directory} that {@code leftover} matches. */
    static List<String> entries(Path directory, Predicate<String> leftover) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(leftover).sorted().toList();
        }
    }

    /** What gocb creates in java.io.tmpdir for one build and must remove afterwards. */
    static boolean temporaryOfABuild(String name) {
        return name.startsWith("gocb-build-") || name.startsWith("gocb-secrets-") || name.startsWith("gocb-go-build-cache-")
            || name.contains(".incoming");
    }

    /** Live processes whose command line satisfies {@code filter}. */
    static List<ProcessHandle> processes(Predicate<String> filter) {
        return ProcessHandle.allProcesses()
            .filter(ProcessHandle::isAlive)
            .filter(process -> process.info().commandLine().map(filter::test).orElse(false))
            .toList();
    }
}
