package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.GocbException;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;

import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** ProgressLog and BuildFailureClassifier fed with buildctl output captured from real failed builds. */
class BuildFailureClassifierTest {

    /** (a) A RUN step that exits with 3. */
    static final String FAILING_RUN = """
        #5 [1/3] RUN echo hello-from-run && ls /
        #5 0.071 hello-from-run
        #5 0.071 bin
        #5 DONE 0.1s

        #6 [2/3] RUN exit 3
        #6 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3
        ------
         > [2/3] RUN exit 3:
        ------
        Dockerfile:3
        --------------------
           1 |     FROM mybase
           2 |     RUN echo hello-from-run && ls /
           3 | >>> RUN exit 3
           4 |    \s
        --------------------
        error: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3
        """;

    /** (b) No buildkitd at the address: the whole output. */
    static final String BUILDER_UNREACHABLE = "error: listing workers for Build: failed to list workers: Unavailable: connection error: "
        + "desc = \"transport: Error while dialing: dial unix /tmp/bk/nope.sock: connect: no such file or directory\"";

    /** (c) Push to a registry port nobody listens on. */
    static final String REGISTRY_UNREACHABLE = """
        #6 exporting to image
        #6 exporting layers done
        #6 exporting manifest sha256:c385f89c16d6dd2cdbb11cfedc22792ece096e98f7426b3bcac24fafbc74e8f1 done
        #6 pushing layers done
        #6 ERROR: failed to push 127.0.0.1:1/x:1: failed to do request: Head "http://127.0.0.1:1/v2/x/blobs/sha256:fe2d9289a8372d36bb7967312bd2a19a26d97edf753fb58e39bae1fd3867a9fb": dial tcp 127.0.0.1:1: connect: connection refused
        ------
         > exporting to image:
        ------
        error: failed to solve: failed to push 127.0.0.1:1/x:1: failed to do request: Head "http://127.0.0.1:1/v2/x/blobs/sha256:fe2d9289a8372d36bb7967312bd2a19a26d97edf753fb58e39bae1fd3867a9fb": dial tcp 127.0.0.1:1: connect: connection refused
        """;

    /** (d) in full: FROM golang:1.26 on a builder without DNS. */
    static final String BASE_IMAGE_UNAVAILABLE = """
        #1 [internal] load build definition from Dockerfile
        #1 transferring dockerfile: 63B done
        #1 DONE 0.0s

        #2 [internal] load metadata for docker.io/library/golang:1.26
        #2 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/golang/manifests/1.26": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
        ------
         > [internal] load metadata for docker.io/library/golang:1.26:
        ------
        Dockerfile:1
        --------------------
           1 | >>> FROM golang:1.26
           2 |     RUN true
           3 |    \s
        --------------------
        error: failed to solve: golang:1.26: failed to resolve source metadata for docker.io/library/golang:1.26: failed to do request: Head "https://registry-1.docker.io/v2/library/golang/manifests/1.26": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host
        """;

    private static final BuildctlDriver DRIVER = new BuildctlDriver(BuilderConnection.of("unix:///tmp/bk/nope.sock"));

    // ---- ProgressLog ----

    @Test
    void progressLogFollowsStepsLogsAndErrors() {
        ProgressLog progress = feed(FAILING_RUN);

        assertThat(progress.builderAnswered()).isTrue();
        assertThat(progress.failedStep()).hasValueSatisfying(step -> {
            assertThat(step.number()).isEqualTo(6);
            assertThat(step.name()).isEqualTo("[2/3] RUN exit 3");
            assertThat(step.error()).contains("process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");
            assertThat(step.lastLogLines()).isEmpty();
        });
        assertThat(progress.finalError()).contains(lastLine(FAILING_RUN));
    }

    @Test
    void progressLogKeepsAStepsLogLinesWithoutTimestampsOrStatus() {
        ProgressLog progress = feed("""
            #5 [1/3] RUN echo hello-from-run && ls /
            #5 0.071 hello-from-run
            #5 0.071 bin
            #5 DONE 0.1s
            #5 ERROR: forced for the test
            """);

        assertThat(progress.failedStep()).hasValueSatisfying(step -> {
            assertThat(step.name()).isEqualTo("[1/3] RUN echo hello-from-run && ls /");
            assertThat(step.lastLogLines()).containsExactly("hello-from-run", "bin");
            assertThat(step.error()).contains("forced for the test");
        });
    }

    @Test
    void progressLogKeepsTheLastLogLinesOfAStep() {
        int total = ProgressLog.LOG_LINES_PER_STEP + 10;
        StringBuilder output = new StringBuilder("#7 [builder 4/6] RUN go build ./...\n");
        IntStream.rangeClosed(1, total).forEach(i -> output.append("#7 1.").append(i).append(" line ").append(i).append('\n'));
        output.append("#7 ERROR: exit code: 1\n");

        ProgressLog progress = feed(output.toString());

        List<String> expected = IntStream.rangeClosed(total - ProgressLog.LOG_LINES_PER_STEP + 1, total).mapToObj(i -> "line " + i).toList();
        assertThat(progress.failedStep()).hasValueSatisfying(step -> assertThat(step.lastLogLines()).containsExactlyElementsOf(expected));
    }

    @Test
    void progressLogOfAnUnreachableBuilderHasNoStepsButTheFinalError() {
        ProgressLog progress = feed(BUILDER_UNREACHABLE);

        assertThat(progress.builderAnswered()).isFalse();
        assertThat(progress.failedStep()).isEmpty();
        assertThat(progress.finalError()).contains(BUILDER_UNREACHABLE);
    }

    @Test
    void progressLogWithoutErrorsHasNoFailedStep() {
        ProgressLog progress = feed("#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 63B done\n#1 DONE 0.0s\n");

        assertThat(progress.builderAnswered()).isTrue();
        assertThat(progress.failedStep()).isEmpty();
        assertThat(progress.finalError()).isEmpty();
    }

    // ---- classification ----

    @Test
    void aFailingRunStepIsABuildStepFailure() {
        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), FAILING_RUN);

        assertThat(failure).isInstanceOfSatisfying(BuildStepFailedException.class, e -> {
            assertThat(e.step()).isEqualTo("[2/3] RUN exit 3");
            assertThat(e.exitCode()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");
            assertThat(e.problem()).contains("exit code 3").contains("[2/3] RUN exit 3");
            assertThat(e.lastLines()).isEmpty();
        });
    }

    @Test
    void aFailingRunStepShowsItsOwnLastOutput() {
        String output = FAILING_RUN.replace("#6 ERROR:", "#6 0.052 compiling main.go\n#6 0.090 main.go:3: undefined: x\n#6 ERROR:");

        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), output);

        assertThat(failure).isInstanceOfSatisfying(BuildStepFailedException.class,
            e -> assertThat(e.lastLines()).containsExactly("compiling main.go", "main.go:3: undefined: x"));
        assertThat(failure.getMessage()).contains("main.go:3: undefined: x");
    }

    @Test
    void anUnreachableBuilderIsReportedWithItsAddress() {
        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), BUILDER_UNREACHABLE);

        assertThat(failure).isInstanceOfSatisfying(BuilderUnreachableException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.lastLines()).containsExactly(BUILDER_UNREACHABLE);
            assertThat(e.problem()).contains(DRIVER.builderDescription()).contains("unix:///tmp/bk/nope.sock");
            assertThat(e.remedy()).contains("{@address}");
        });
    }

    @Test
    void aBuilderThatStopsMidBuildIsSaidToHaveStoppedWithTheUnavailableKind() {
        String lost = "error: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF";
        String output = "#5 [stage-0 1/2] RUN sh -c \"echo started; sleep 300\"\n#5 0.145 started\n" + lost + "\n";

        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), output);
        // BuildKit v0.32 also says it this way, depending on when the daemon went away.
        BuildFailedException solveForm = classify(pushPlan("127.0.0.1:5000/x:1"),
            output.replace(lost, "error: failed to solve: Unavailable: error reading from server: EOF"));
        BuildFailedException pushReset = classify(pushPlan("127.0.0.1:5000/x:1"),
            output.replace(lost, "error: failed to solve: failed to push 127.0.0.1:5000/x:1: read tcp: connection reset by peer"));

        assertThat(solveForm).isInstanceOf(BuilderStoppedException.class);
        assertThat(pushReset).as("a push reset is the build's failure, not the builder's").isNotInstanceOf(BuilderStoppedException.class);
        assertThat(failure).isInstanceOfSatisfying(BuilderStoppedException.class, e -> {
            assertThat(e.kind()).isEqualTo(GocbException.Kind.UNAVAILABLE);
            assertThat(e.problem()).startsWith("the builder stopped during the build: " + DRIVER.builderDescription());
            assertThat(e.reason()).contains("error reading from server: EOF").contains("killed, crashed, ran out of memory");
            assertThat(e.remedy()).contains("gocb builder start");
        });
    }

    @Test
    void anUnreachableRegistryIsAPushFailureNamingTheImage() {
        BuildFailedException failure = classify(pushPlan("127.0.0.1:1/x:1"), REGISTRY_UNREACHABLE);

        assertThat(failure).isInstanceOfSatisfying(RegistryPushException.class, e -> {
            assertThat(e.pushFailure()).isEqualTo(RegistryPushException.Cause.UNREACHABLE);
            assertThat(e.problem()).contains("127.0.0.1:1/x:1");
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.lastLines()).singleElement().asString()
                .startsWith("failed to push 127.0.0.1:1/x:1").endsWith("connect: connection refused");
        });
    }

    @Test
    void anotherPushFailureQuotesTheRegistrysAnswerInTheWhy() {
        String output = pushAnswered("unexpected status from PUT request to http://127.0.0.1:1/v2/x/manifests/1: 500 Internal Server Error");

        BuildFailedException failure = classify(pushPlan("127.0.0.1:1/x:1"), output);

        assertThat(failure).isInstanceOfSatisfying(RegistryPushException.class, e -> {
            assertThat(e.pushFailure()).isEqualTo(RegistryPushException.Cause.OTHER);
            assertThat(e.reason()).isEqualTo("the registry answered: unexpected status from PUT request to http://127.0.0.1:1/v2/x/manifests/1: 500 Internal Server Error");
        });
    }

    /** The real output of COPY secret.txt where secret.txt links to /etc/hostname (BuildKit v0.32). */
    private static String copyNotFound(String source) {
        return "#4 [1/1] COPY " + source + " /" + source + "\n"
            + "#4 ERROR: failed to calculate checksum of ref 56wnh4kysk8t0afip6v9tcg7a::k8cj4cyxcw8rbkvql8cbyej0u: \"/" + source + "\": not found\n"
            + "error: failed to solve: failed to compute cache key: failed to calculate checksum of ref 56wnh4kysk8t0afip6v9tcg7a::k8cj4cyxcw8rbkvql8cbyej0u: \"/"
            + source + "\": not found\n";
    }

    @Test
    void aCopiedSymlinkLeavingTheContextIsSaidToBeOne(@TempDir Path context) throws IOException {
        Files.createSymbolicLink(context.resolve("secret.txt"), Path.of("/etc/hostname"));
        Files.createDirectory(context.resolve("config"));
        Files.createSymbolicLink(context.resolve("shared"), Path.of("/etc"));

        BuildFailedException link = classify(planIn(context), copyNotFound("secret.txt"));
        BuildFailedException linkedDirectory = classify(planIn(context), copyNotFound("shared/hostname"));
        BuildFailedException missing = classify(planIn(context), copyNotFound("config/app.yaml"));

        assertThat(link.problem()).startsWith("COPY secret.txt /secret.txt: secret.txt in the build context is a symbolic link to /etc/hostname,"
            + " outside the context");
        assertThat(link.reason()).contains("nothing outside the context reached the builder");
        assertThat(linkedDirectory.problem()).contains("shared in the build context is a symbolic link to /etc, outside the context");
        assertThat(missing.problem()).startsWith("COPY config/app.yaml /config/app.yaml: the build context " + context + " has no config/app.yaml");
    }

    @Test
    void aCopiedFileThatExistsButWasNotSentIsBlamedOnDockerignore(@TempDir Path context) throws IOException {
        Files.writeString(context.resolve("app.yaml"), "x");

        BuildFailedException excluded = classify(planIn(context), copyNotFound("app.yaml"));

        assertThat(excluded.problem()).startsWith("COPY app.yaml /app.yaml: app.yaml is in " + context + " but did not reach the builder");
        assertThat(excluded.reason()).contains(".dockerignore");
    }

    @Test
    void aFailureIsAttributedToTheCommandThatPrintedIt() {
        String gitStep = """
            #7 [3/4] RUN git clone https://git.example.com/team/tools /tools
            #7 0.120 Cloning into '/tools'...
            #7 0.310 fatal: unable to access 'https://git.example.com/team/tools/': Could not resolve host: git.example.com
            #7 ERROR: process "/bin/sh -c git clone https://git.example.com/team/tools /tools" did not complete successfully: exit code: 128
            error: failed to solve: process "/bin/sh -c git clone https://git.example.com/team/tools /tools" did not complete successfully: exit code: 128
            """;
        String goStep = gitStep.replace("git clone https://git.example.com/team/tools /tools", "go mod download")
            .replace("fatal: unable to access 'https://git.example.com/team/tools/': Could not resolve host: git.example.com",
                "go: example.com/x@v1.0.0: Get \"https://proxy.golang.org/example.com/x/@v/v1.0.0.mod\": dial tcp: lookup proxy.golang.org: no such host");

        BuildFailedException byGit = classify(pushPlan("127.0.0.1:5000/x:1"), gitStep);
        BuildFailedException byGo = classify(pushPlan("127.0.0.1:5000/x:1"), goStep);

        assertThat(byGit.reason()).startsWith("git reported:").doesNotContain("go reported");
        assertThat(byGo.reason()).startsWith("go reported:");
        assertThat(BuildStepFailedException.reporter("[2/2] RUN ./build.sh")).isEqualTo("the step");
        assertThat(BuildStepFailedException.reporter("[2/2] RUN cd src && go build -o /app .")).isEqualTo("go");
    }

    @Test
    void aRefusedPushIsUnauthorized() {
        // Same shape as (c), with the answer a registry gives to a client without push rights.
        String output = pushAnswered("server message: insufficient_scope: authorization failed");

        BuildFailedException failure = classify(pushPlan("127.0.0.1:1/x:1"), output);

        assertThat(failure).isInstanceOfSatisfying(RegistryPushException.class,
            e -> assertThat(e.pushFailure()).isEqualTo(RegistryPushException.Cause.UNAUTHORIZED));
    }

    @Test
    void anUnresolvableBaseImageSuggestsALocalOverride() {
        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), BASE_IMAGE_UNAVAILABLE);

        assertThat(failure).isInstanceOfSatisfying(BaseImageUnavailableException.class, e -> {
            assertThat(e.problem()).contains("docker.io/library/golang:1.26");
            assertThat(e.remedy()).contains("{@baseImages} golang:1.26=$(./dev/gobase)");
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.lastLines()).containsExactly(lastLine(BASE_IMAGE_UNAVAILABLE));
        });
    }

    @Test
    void anUnpullableSyntaxFrontendIsNotABaseImage() {
        BuildPlan plan = withDockerfile("# syntax=docker/dockerfile:1.26\nFROM golang:1.26\n");
        String output = BASE_IMAGE_UNAVAILABLE.replace("docker.io/library/golang:1.26", "docker.io/docker/dockerfile:1.26");

        BuildFailedException failure = classify(plan, output);

        assertThat(failure).isInstanceOfSatisfying(FrontendUnavailableException.class, e -> {
            assertThat(e.frontend()).isEqualTo("docker/dockerfile:1.26");
            assertThat(e.problem()).contains("the Dockerfile frontend docker/dockerfile:1.26").doesNotContain("base image");
        });
    }

    @Test
    void theBaseImageAdviceFitsAStageThatRunsAPackageManager() {
        BuildPlan plan = withDockerfile("FROM golang:1.26-alpine AS build\nRUN apk add --no-cache git make\nFROM scratch\n");
        String output = BASE_IMAGE_UNAVAILABLE.replace("golang:1.26", "golang:1.26-alpine");

        BuildFailedException failure = classify(plan, output);

        assertThat(failure).isInstanceOfSatisfying(BaseImageUnavailableException.class, e -> assertThat(e.remedy())
            .contains("the stage runs apk").contains("an Alpine root filesystem with apk")
            .contains("{@baseImages} golang:1.26-alpine=DIR").doesNotContain("gobase"));
    }

    private static BuildPlan withDockerfile(String dockerfile) {
        BuildPlan plan = pushPlan("127.0.0.1:5000/x:1");
        return new BuildPlan(plan.contextDirectory(), new DockerfileSource.Generated(dockerfile), plan.module(), plan.target(), plan.buildArgs(),
            plan.platforms(), plan.labels(), plan.namedContexts(), plan.secrets(), plan.sshMounts(), plan.hostMappings(), plan.output(),
            plan.noCache(), plan.layerCaches());
    }

    @Test
    void anUnresolvableBaseImageIsRecognisedByItsStepWithoutTheFinalError() {
        List<String> lines = BASE_IMAGE_UNAVAILABLE.lines().toList();
        String withoutFinalError = String.join("\n", lines.subList(0, lines.size() - 1));

        BuildFailedException failure = classify(pushPlan("127.0.0.1:5000/x:1"), withoutFinalError);

        assertThat(failure).isInstanceOfSatisfying(BaseImageUnavailableException.class,
            e -> assertThat(e.problem()).contains("docker.io/library/golang:1.26"));
    }

    @Test
    void anUnexplainedFailureKeepsTheClientsLastLines() {
        List<String> lines = List.of("something unexpected happened", "and the client gave up");

        BuildFailedException failure = BuildFailureClassifier.classify(pushPlan("127.0.0.1:5000/x:1"), DRIVER, new ProgressLog(),
            new CommandResult(2, lines, Duration.ofSeconds(1)));

        assertThat(failure.getClass()).isEqualTo(BuildFailedException.class);
        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.lastLines()).isEqualTo(lines);
        assertThat(failure.problem()).contains(DRIVER.name()).contains("2");
    }

    /** Output of the shape of (c), the push answered with {@code answer} instead of a refused connection. */
    private static String pushAnswered(String answer) {
        return REGISTRY_UNREACHABLE.replace("failed to do request: Head \"http://127.0.0.1:1/v2/x/blobs/"
            + "sha256:fe2d9289a8372d36bb7967312bd2a19a26d97edf753fb58e39bae1fd3867a9fb\": dial tcp 127.0.0.1:1: connect: connection refused", answer);
    }

    private static BuildFailedException classify(BuildPlan plan, String output) {
        List<String> lines = output.lines().toList();
        ProgressLog progress = new ProgressLog();
        lines.forEach(progress::line);
        return BuildFailureClassifier.classify(plan, DRIVER, progress, new CommandResult(1, lines, Duration.ofSeconds(2)));
    }

    private static ProgressLog feed(String output) {
        ProgressLog progress = new ProgressLog();
        output.lines().forEach(progress::line);
        return progress;
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static BuildPlan planIn(Path context) {
        BuildPlan plan = pushPlan("127.0.0.1:5000/x:1");
        return new BuildPlan(context, plan.dockerfile(), plan.module(), plan.target(), plan.buildArgs(), plan.platforms(), plan.labels(),
            plan.namedContexts(), plan.secrets(), plan.sshMounts(), plan.hostMappings(), plan.output(), plan.noCache(), plan.layerCaches());
    }

    static BuildPlan pushPlan(String image) {
        ImageReference name = ImageReference.parse(image);
        return new BuildPlan(Path.of("/src/service"), new DockerfileSource.Generated("FROM mybase\n"), Optional.empty(), Optional.empty(),
            Map.of("VERSION", "dev"), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(),
            new ImageOutput.RegistryPush(List.of(name), name.isLoopbackRegistry()), false, List.of());
    }
}
