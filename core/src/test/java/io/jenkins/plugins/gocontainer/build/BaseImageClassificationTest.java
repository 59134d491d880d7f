package io.jenkins.plugins.gocontainer.build;

import io.jenkins.plugins.gocontainer.exec.CommandResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An unresolvable base image is classified as such, whatever part of the output is seen. */
class BaseImageClassificationTest {

    /** (d) as given: the tail of the output. */
    static final String BASE_IMAGE_TAIL = "error: failed to solve: golang:1.26: failed to resolve source metadata for docker.io/library/golang:1.26: "
        + "failed to do request: Head \"https://registry-1.docker.io/v2/library/golang/manifests/1.26\": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host";

    /** (d) in full, as buildctl printed it on this machine for FROM golang:1.26 with no DNS. */
    static final String BASE_IMAGE_FULL = """
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
        """ + BASE_IMAGE_TAIL + "\n";

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
