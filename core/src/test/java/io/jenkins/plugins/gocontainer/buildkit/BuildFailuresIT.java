package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.testing.DockerfileModule;
import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.exec.Command;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.FaultInjectingProxy;
import io.jenkins.plugins.gocontainer.testing.FreePort;
import io.jenkins.plugins.gocontainer.testing.Htpasswd;
import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each way a real build fails ends in its own exception, with the cause and the fix. */
@ExtendWith(RealEnvironment.Extension.class)
class BuildFailuresIT {

    @Test
    void unreachableBuilderSaysHowToStartOne(RealEnvironment env) throws Exception {
        Path socket = env.newDirectory("nobuilder-").resolve("buildkitd.sock");
        ImageBuilder builder = new ImageBuilder(new BuildctlDriver(BuilderConnection.of("unix://" + socket)), new CommandRunner(SecretMasker.none(), System.getenv()));
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(helloRequest(env).image(env.registry().hostPort() + "/never:1").build());

        BuilderUnreachableException error = catchThrowableOfType(BuilderUnreachableException.class, () -> builder.build(plan, line -> { }));

        assertThat(error.getMessage()).contains("unix://" + socket).contains("gocb builder start").contains("address");
        assertThat(error.lastLines()).anyMatch(line -> line.contains("no such file or directory"));
    }

    @Test
    void failingRunStepShowsTheStepItsExitCodeAndItsOutput(RealEnvironment env) throws Exception {
        Path module = env.newDirectory("broken-");
        Files.writeString(module.resolve("go.mod"), "module example.com/broken\n\ngo 1.26\n");
        Files.writeString(module.resolve("main.go"), "package main\n\nfunc main() {\n\tundefinedFunction()\n}\n");
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(module).namedContext(env.golangBase())
            .image(env.registry().hostPort() + "/broken:1").build());

        BuildStepFailedException error = catchThrowableOfType(BuildStepFailedException.class,
            () -> BuildctlBuildIT.builder(env).build(plan, line -> { }));

        assertThat(error.step()).contains("RUN").contains("go build");
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(error.lastLines()).anyMatch(line -> line.contains("undefined: undefinedFunction"));
        assertThat(error.getMessage()).contains("exit code 1").contains("undefined: undefinedFunction");
    }

    @FaultSuite
    @Test
    void aFailedBuildLeavesAnEarlierOciArchiveAsItWasAndNothingBeside(RealEnvironment env) throws Exception {
        Path module = DockerfileModule.write(env.newDirectory("failing-"), "FROM scratch\nRUN false\n");
        Path directory = env.newDirectory("archive-");
        Path earlier = directory.resolve("app.oci.tar");
        BuildctlBuildIT.builder(env).build(new BuildPlanner(directory).plan(helloRequest(env).ociArchive(earlier).build()), line -> { });
        byte[] before = Files.readAllBytes(earlier);

        BuildPlan failing = new BuildPlanner(directory).plan(BuildRequest.builder(module).ociArchive(earlier).build());
        BuildFailedException error = catchThrowableOfType(BuildFailedException.class, () -> BuildctlBuildIT.builder(env).build(failing, line -> { }));

        assertThat(error).isNotNull();
        assertThat(Files.readAllBytes(earlier)).isEqualTo(before);
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).containsExactly(earlier);
        }
    }

    @FaultSuite
    @Test
    void aCopiedSymlinkLeavingTheContextIsNamedAndNothingOutsideWasSent(RealEnvironment env) throws Exception {
        Path module = DockerfileModule.write(env.newDirectory("symlink-"), "FROM scratch\nCOPY secret.txt /secret.txt\n");
        Path outside = Files.writeString(env.newDirectory("outside-").resolve("secret.txt"), "outside the context\n");
        Files.createSymbolicLink(module.resolve("secret.txt"), outside);
        BuildPlan plan = new BuildPlanner(module).plan(BuildRequest.builder(module).ociArchive(module.resolve("out.oci.tar")).build());

        BuildFailedException error = catchThrowableOfType(BuildFailedException.class, () -> BuildctlBuildIT.builder(env).build(plan, line -> { }));

        assertThat(error).isNotNull();
        assertThat(error.problem()).startsWith("COPY secret.txt /secret.txt: secret.txt in the build context is a symbolic link to " + outside
            + ", outside the context");
        assertThat(module.resolve("out.oci.tar")).doesNotExist();
    }

    @FaultSuite
    @Test
    void unreachableRegistryIsReportedAsSuch(RealEnvironment env) throws Exception {
        int closedPort = FreePort.pick();
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(helloRequest(env).image("127.0.0.1:" + closedPort + "/hello:1").build());

        RegistryPushException error = catchThrowableOfType(RegistryPushException.class, () -> BuildctlBuildIT.builder(env).build(plan, line -> { }));

        assertThat(error.pushFailure()).isEqualTo(RegistryPushException.Cause.UNREACHABLE);
        assertThat(error.getMessage()).contains("127.0.0.1:" + closedPort + "/hello:1").contains("connection refused");
    }

    @FaultSuite
    @Test
    void aRegistryRefusingTheManifestIsQuotedInTheWhy(RealEnvironment env) throws Exception {
        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(env.registry())) {
            proxy.failAlways("PUT", "/manifests/", FaultInjectingProxy.Fault.status(500)
                .withBody("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"storage quota exceeded\"}]}"));
            BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(helloRequest(env).image(proxy.hostPort() + "/quota/hello:1").build());

            RegistryPushException error = catchThrowableOfType(RegistryPushException.class, () -> BuildctlBuildIT.builder(env).build(plan, line -> { }));

            assertThat(error).isNotNull();
            assertThat(error.pushFailure()).isEqualTo(RegistryPushException.Cause.OTHER);
            assertThat(error.reason()).isEqualTo("the registry answered: unknown: storage quota exceeded");
        }
    }

    @Test
    void registryWithoutCredentialsIsReportedAsUnauthorized(RealEnvironment env) throws Exception {
        Path htpasswd = Htpasswd.write(env.newDirectory("auth-").resolve("htpasswd"), "ci", "not-given-to-the-builder");
        try (LocalRegistry secured = LocalRegistry.start(Optional.of(htpasswd))) {
            BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(helloRequest(env).image(secured.hostPort() + "/hello:1").build());

            RegistryPushException error = catchThrowableOfType(RegistryPushException.class, () -> BuildctlBuildIT.builder(env).build(plan, line -> { }));

            assertThat(error.pushFailure()).isEqualTo(RegistryPushException.Cause.UNAUTHORIZED);
            assertThat(error.getMessage()).contains(secured.hostPort() + "/hello:1").contains("config.json");
        }
    }

    @Test
    void unresolvableBaseImageSuggestsALocalOverride(RealEnvironment env) throws Exception {
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(ProjectLayout.example("hello"))
            .image(env.registry().hostPort() + "/hello:nobase").build());
        List<String> log = new ArrayList<>();

        BaseImageUnavailableException error = catchThrowableOfType(BaseImageUnavailableException.class, () -> BuildctlBuildIT.builder(env).build(plan, log::add));

        assertThat(error.getMessage()).contains("golang:1.26").contains("baseImages");
        assertThat(log).anyMatch(line -> line.contains("failed to resolve source metadata"));

        // The Fix, followed literally: the replacement it names, with its shell substitution run from the project's root.
        Matcher replacement = Pattern.compile("\\{@baseImages} (\\S+=\\$\\(\\./dev/gobase\\))").matcher(error.remedy());
        assertThat(replacement.find()).as(error.remedy()).isTrue();
        List<String> expanded = new CommandRunner(SecretMasker.none(), System.getenv())
            .capture(Command.of("bash", "-c", "cd " + ProjectLayout.root() + " && echo " + replacement.group(1)));
        BuildPlan followed = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(ProjectLayout.example("hello"))
            .namedContext(NamedContext.parse(expanded.get(expanded.size() - 1).strip(), Path.of("/")))
            .image(env.registry().hostPort() + "/hello:followed").build());
        assertThat(BuildctlBuildIT.builder(env).build(followed, line -> { }).digest()).startsWith("sha256:");
    }

    static BuildRequest.Builder helloRequest(RealEnvironment env) {
        return BuildRequest.builder(ProjectLayout.example("hello")).namedContext(env.golangBase());
    }
}
