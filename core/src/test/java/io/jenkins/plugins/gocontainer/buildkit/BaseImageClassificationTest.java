package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.exec.CommandResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An unresolvable base image is classified as such, whatever part of the output is seen. */
class BaseImageClassificationTest {

    /** (d) in full, as buildctl printed it on this machine for FROM golang:1.26 with no DNS. */
    static final String BASE_IMAGE_FULL = BuildFailureClassifierTest.BASE_IMAGE_UNAVAILABLE;

    /** (d) as a log tail shows it: only the client's closing error line. */
    static final String BASE_IMAGE_TAIL = BASE_IMAGE_FULL.strip().lines().reduce((first, second) -> second).orElseThrow();

    /** The same with FROM 127.0.0.1:1/golang:1.26 (a mirror that is down). */
    static final String MIRROR_FULL = """
        #1 [internal] load build definition from Dockerfile
        #1 transferring dockerfile: 75B done
        #1 DONE 0.0s

        #2 [internal] load metadata for 127.0.0.1:1/golang:1.26
        #2 ERROR: failed to do request: Head "http://127.0.0.1:1/v2/golang/manifests/1.26": dial tcp 127.0.0.1:1: connect: connection refused
        ------
         > [internal] load metadata for 127.0.0.1:1/golang:1.26:
        ------
        Dockerfile:1
        --------------------
           1 | >>> FROM 127.0.0.1:1/golang:1.26
           2 |     RUN true
           3 |    \s
        --------------------
        error: failed to solve: 127.0.0.1:1/golang:1.26: failed to resolve source metadata for 127.0.0.1:1/golang:1.26: failed to do request: Head "http://127.0.0.1:1/v2/golang/manifests/1.26": dial tcp 127.0.0.1:1: connect: connection refused
        """;

    private static final BuildctlDriver DRIVER = new BuildctlDriver(BuilderConnection.of("unix:///run/buildkit/buildkitd.sock"));

    @Test
    void tailOnly() {
        assertBaseImage(BASE_IMAGE_TAIL, "docker.io/library/golang:1.26");
    }

    @Test
    void fullOutput() {
        assertBaseImage(BASE_IMAGE_FULL, "docker.io/library/golang:1.26");
    }

    @Test
    void mirrorWithPort() {
        assertBaseImage(MIRROR_FULL, "127.0.0.1:1/golang:1.26");
    }

    private static void assertBaseImage(String output, String image) {
        List<String> lines = output.lines().toList();
        ProgressLog progress = new ProgressLog();
        lines.forEach(progress::line);

        BuildFailedException failure = BuildFailureClassifier.classify(BuildFailureClassifierTest.pushPlan("127.0.0.1:5000/x:1"), DRIVER, progress,
            new CommandResult(1, lines, Duration.ofSeconds(1)));

        assertThat(failure).isInstanceOf(BaseImageUnavailableException.class);
        assertThat(failure.problem()).contains("base image " + image + " ");
    }
}
