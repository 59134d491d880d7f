package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise for exit code 2: nothing ran. Each input gocb can check before the build
 * is checked before it, so the registry and the file system are exactly as they were.
 */
@ExtendWith(RealEnvironment.Extension.class)
@FaultSuite
class CheckedBeforeBuildIT {

    @Test
    void everyBadInputExitsTwoAndChangesNeitherTheRegistryNorAnyFile(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("exit2-");
        Path foreignJson = Files.writeString(workspace.resolve("package.json"), "{\"name\": \"web\"}\n");
        Path notes = Files.writeString(workspace.resolve("NOTES.txt"), "release notes\n");
        Path reports = Files.createDirectory(workspace.resolve("reports"));
        Path userCache = Files.createDirectory(workspace.resolve("cache"));
        Files.writeString(userCache.resolve("keep.txt"), "mine\n");
        Path service = committedHello(env.newDirectory("service-"));
        String image = env.registry().hostPort() + "/exit2/app";
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of("--image", image, "--lint-report", workspace.resolve("golangci.json").toString()), "golangci.json does not exist");
        cases.put(List.of("--image", image, "--gate-json", foreignJson.toString(), "--max-image-size", "1GB"),
            "cannot write a JSON gate report to " + foreignJson + ": a file that is not a JSON gate report is there");
        cases.put(List.of("--image", image, "--junit", reports.toString(), "--max-image-size", "1GB"),
            "cannot write a JUnit gate report to " + reports + ": it is a directory");
        cases.put(List.of("--image", image, "--metadata-file", notes.toString()), "cannot write a build metadata file to " + notes);
        cases.put(List.of("--image", image, "--cache", "local=" + userCache), userCache.toString());
        cases.put(List.of("--oci-archive", notes.toString()), "cannot write an OCI archive to " + notes);
        cases.put(List.of("--image", image, "--go-build-cache", userCache.toString()), "cannot use " + userCache + " as the Go build cache");
        cases.put(List.of("--image", image, "--package", "./cmd/nope"), "--package cannot be used with the Dockerfile " + service.resolve("Dockerfile"));
        String catalog = RegistryProbe.catalog(env.registry());
        Map<Path, String> files = snapshot(workspace);

        for (Map.Entry<List<String>, String> badInput : cases.entrySet()) {
            List<String> bad = badInput.getKey();
            List<String> args = new ArrayList<>(List.of("build", "--context", service.toString(),
                "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory()));
            args.addAll(bad);

            GocbProcess.Outcome outcome = GocbProcess.runIn(workspace, Map.of(), args.toArray(String[]::new));

            assertThat(outcome.exitCode()).as(bad + ": " + outcome.stderr()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(outcome.stderr()).as(String.join(" ", bad)).contains(badInput.getValue()).contains("Fix:").doesNotContain("exporting to image");
            assertThat(RegistryProbe.catalog(env.registry())).as(String.join(" ", bad)).isEqualTo(catalog);
            assertThat(snapshot(workspace)).as(String.join(" ", bad)).isEqualTo(files);
        }
    }

    @Test
    void aLayerCacheOnAReadOnlyFileSystemNamesTheUsersPathAndThePermission(RealEnvironment env) throws Exception {
        Path readOnly = env.newDirectory("read-only-");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly.toString()).redirectErrorStream(true).start();
        assertThat(mount.waitFor()).as("mount a read-only tmpfs (needs root, as ./dev/test runs): " + new String(mount.getInputStream().readAllBytes()))
            .isZero();
        try {
            Path cache = readOnly.resolve("layer-cache");

            GocbProcess.Outcome outcome = GocbProcess.run(Map.of(), "build", "--context", ProjectLayout.example("hello").toString(),
                "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory(),
                "--image", env.registry().hostPort() + "/readonly/app:1", "--cache", "local=" + cache);

            assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(outcome.stderr()).contains("cannot use the layer cache directory " + cache + ": " + readOnly + " is not writable")
                .contains("Fix: give --cache local= a directory the build user may write").doesNotContain("incoming").doesNotContain("input/output error");
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).start().waitFor();
        }
    }

    @Test
    void aMainPackageTheModuleLacksIsRefusedWithTheOnesItHas(RealEnvironment env) throws Exception {
        String catalog = RegistryProbe.catalog(env.registry());

        GocbProcess.Outcome outcome = GocbProcess.run(Map.of(), "build", "--context", ProjectLayout.example("hello-nodockerfile").toString(),
            "--package", "./cmd/greter", "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory(),
            "--image", env.registry().hostPort() + "/exit2/greeter:1");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(outcome.stderr()).contains("the main package ./cmd/greter does not exist in the module example.com/hello-nodockerfile")
            .contains("Fix: give --package one of the module's main packages: ./cmd/greeter");
        assertThat(RegistryProbe.catalog(env.registry())).isEqualTo(catalog);
    }

    @Test
    void anUnreachableRegistryIsFoundBeforeTheBuildWithTheUnavailableCode(RealEnvironment env) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        GocbProcess.Outcome outcome = GocbProcess.run(Map.of(), "build", "--context", ProjectLayout.example("hello").toString(),
            "--addr", env.builder().address(), "--base-image", "golang:1.26=" + env.goBaseDirectory(), "--image", "127.0.0.1:" + closed + "/app:1");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.BUILDER_UNAVAILABLE);
        assertThat(outcome.stderr()).contains("cannot reach the registry 127.0.0.1:" + closed).contains("nothing was built")
            .as("the builder was never asked to build").doesNotContain("load build definition");
    }

    @Test
    void theFixForACacheDirectoryOfOtherFilesWorks(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("fix-");
        Path sources = Files.createDirectory(workspace.resolve("src"));
        Files.writeString(sources.resolve("main.go"), "package main\n");
        List<String> args = new ArrayList<>(List.of("build", "--context", ProjectLayout.example("hello-nodockerfile").toString(), "--package", "./cmd/greeter",
            "--addr", env.builder().address(),
            "--base-image", "golang:1.26=" + env.goBaseDirectory(), "--image", env.registry().hostPort() + "/fix/app:1"));

        List<String> refused = new ArrayList<>(args);
        refused.addAll(List.of("--go-build-cache", sources.toString()));
        GocbProcess.Outcome outcome = GocbProcess.runIn(workspace, Map.of(), refused.toArray(String[]::new));
        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(ExitCodes.INVALID_INPUT);
        Matcher fix = Pattern.compile("Fix: give --go-build-cache an empty or new directory, e.g. (\\S+)").matcher(outcome.stderr());
        assertThat(fix.find()).as(outcome.stderr()).isTrue();

        List<String> followed = new ArrayList<>(args);
        followed.addAll(List.of("--go-build-cache", fix.group(1)));
        GocbProcess.Outcome built = GocbProcess.runIn(workspace, Map.of(), followed.toArray(String[]::new));

        assertThat(built.exitCode()).as(built.stderr()).isZero();
        assertThat(Path.of(fix.group(1))).startsWith(workspace).isDirectory();
        assertThat(sources.resolve("main.go")).hasContent("package main");
    }

    /** examples/hello, committed: a build tagged from git, which pushes its candidate tag before the gates are judged. */
    private static Path committedHello(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(ProjectLayout.example("hello"))) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName().toString()));
            }
        }
        try (GitFixture git = GitFixture.init(directory)) {
            git.commit("hello", Instant.parse("2026-10-01T12:00:00Z"));
        }
        return directory;
    }

    /** Every path under {@code root} with its content (directories as "dir"). */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                files.put(root.relativize(path), Files.isDirectory(path) ? "dir" : Files.readString(path));
            }
        }
        return files;
    }
}
