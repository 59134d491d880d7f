package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import io.jenkins.plugins.gocontainer.testing.TempDirectories;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation runs where its context says, not where this JVM runs: as on a Jenkins agent, the
 * workspace is not the JVM's working directory, every relative path of the spec is resolved in
 * the workspace, and go and buildctl are the ones the given environment's PATH finds (a tool
 * installer's), here wrappers that record their calls before running the real programs.
 */
@ExtendWith(RealEnvironment.Extension.class)
class ForeignWorkspaceIT {

    private static final Path JVM_DIRECTORY = Path.of("").toAbsolutePath();

    @Test
    void goModVendorRunsTheGoOfTheGivenPathAndDownloadsIntoTheWorkspace(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("foreign-vendor-");
        assertThat(workspace).isNotEqualTo(JVM_DIRECTORY);
        TestModules.copyExample(workspace.resolve("svc"));
        Path calls = env.newDirectory("go-calls-").resolve("go.log");
        Map<String, String> environment = OperationFixture.hermeticGoEnvironment(workspace.resolve("home"));
        environment.put("PATH", wrapper(env, "go", calls) + ":" + environment.get("PATH"));
        List<String> before = strays();

        GoModVendorResult result = new GoModVendor().run(GoModVendorSpec.builder().context("svc").mode("download")
            .moduleCache(".gocb/gomodcache").build(), OperationContext.of(workspace, environment, line -> { }));

        assertThat(Files.readAllLines(calls)).as("the wrapper on the given PATH ran every go command")
            .anyMatch(line -> line.startsWith("mod download")).anyMatch(line -> line.startsWith("env "));
        Path moduleCache = workspace.resolve(".gocb/gomodcache");
        assertThat(result.location()).isEqualTo(moduleCache.toString());
        assertThat(moduleCache.resolve("cache/download/github.com/google/uuid/@v/v1.6.0.zip")).isRegularFile();
        assertThat(workspace.resolve("svc/.gocb")).as("not the default under the context").doesNotExist();
        assertThat(strays()).as("nothing was created under the JVM's working directory " + JVM_DIRECTORY).isEqualTo(before);
    }

    @Test
    void aRelativeModuleCacheStoreIsKeptInTheWorkspace(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("foreign-store-");
        TestModules.copyExample(workspace.resolve("svc"));
        Path strayStore = JVM_DIRECTORY.resolve(".gocb-store");
        boolean existedBefore = Files.exists(strayStore);
        try {
            GoModVendorResult result = new GoModVendor().run(GoModVendorSpec.builder().context("svc").mode("download")
                    .moduleCache(".gocb/gomodcache").cacheStore("dir=.gocb-store").build(),
                OperationContext.of(workspace, OperationFixture.hermeticGoEnvironment(workspace.resolve("home")), line -> { }));

            assertThat(result.cacheStatus()).isEqualTo("miss");
            assertThat(!existedBefore && Files.exists(strayStore)).as("a store was created under the JVM's working directory: " + strayStore)
                .isFalse();
            assertThat(OperationFixture.entries(workspace.resolve(".gocb-store"), name -> name.endsWith(".tar.gz")))
                .as("the store dir=.gocb-store is resolved in the workspace").singleElement().asString().startsWith("gomod-go");
        } finally {
            if (!existedBefore && Files.exists(strayStore)) {
                TempDirectories.delete(strayStore);
            }
        }
    }

    @Test
    void goDockerBuildRunsTheBuildctlOfTheGivenPathWithEveryPathInTheWorkspace(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("foreign-build-");
        copyFlat(ProjectLayout.example("hello"), Files.createDirectories(workspace.resolve("svc")));
        Path calls = env.newDirectory("buildctl-calls-").resolve("buildctl.log");
        Map<String, String> environment = OperationFixture.environment(workspace.resolve("home"));
        environment.put("PATH", wrapper(env, "buildctl", calls) + ":" + environment.get("PATH"));
        String image = env.registry().hostPort() + "/foreign/hello:1";
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .context("svc")
            .dockerfile("Dockerfile")
            .image(image)
            .appVersion("9.9.9")
            .baseImage(OperationFixture.golangBase(env))
            .cache("local=.gocb/layer-cache")
            .metadataFile("out/metadata.json")
            .buildkit(OperationFixture.builder(env))
            .build();
        List<String> before = strays();

        GoDockerBuildResult result = new GoDockerBuild().run(spec, OperationContext.of(workspace, environment, line -> { }));

        assertThat(Files.readAllLines(calls)).as("the build's client is the buildctl on the given PATH")
            .anyMatch(line -> line.contains(" build ") && line.contains("context=" + workspace.resolve("svc")));
        assertThat(RegistryProbe.manifest(env.registry(), "foreign/hello", "1").computedDigest()).isEqualTo(result.digest());
        assertThat(workspace.resolve("out/metadata.json")).isRegularFile();
        assertThat(workspace.resolve(".gocb/layer-cache/index.json")).as("the local layer cache is in the workspace").isRegularFile();
        assertThat(strays()).as("nothing was created under the JVM's working directory " + JVM_DIRECTORY).isEqualTo(before);
    }

    /** {@code program} in a directory of its own: appends its arguments to {@code calls}, then runs the real one. */
    private static Path wrapper(RealEnvironment env, String program, Path calls) throws Exception {
        Path real = RequiredTools.find(program);
        assertThat(real).as(program + " on this machine's PATH").isNotNull();
        Path bin = env.newDirectory("wrapped-" + program + "-");
        Path script = bin.resolve(program);
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + calls + "'\nexec '" + real.toRealPath() + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** Files and directories an operation might wrongly create relative to the JVM's working directory. */
    private static List<String> strays() throws Exception {
        return OperationFixture.entries(JVM_DIRECTORY, name -> name.startsWith(".gocb") || name.equals("svc") || name.equals("out")
            || name.equals("metadata.json") || name.equals("reports"));
    }

    private static void copyFlat(Path source, Path target) throws Exception {
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
