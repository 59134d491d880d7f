package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/** No buildkitd answered at the configured address. */
public class BuilderUnreachableException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    public BuilderUnreachableException(String builder, int exitCode, List<String> lastLines) {
        super(Kind.UNAVAILABLE, "cannot reach the builder: " + builder,
            "no buildkitd is listening there (not started, stopped, or a wrong {@address} / BUILDKIT_HOST)",
            "start the local builder with 'gocb builder start' (or leave --addr and BUILDKIT_HOST unset and gocb starts it),"
                + " or point {@address} at a running buildkitd, e.g. tcp://buildkit.internal:1234 with {@tlsCaCert}/{@tlsCert}/{@tlsKey}",
            exitCode, lastLines);
    }
}
