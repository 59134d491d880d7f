package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/** The builder answered, then its connection closed in the middle of the build: buildkitd stopped (killed, crashed, out of memory, restarted). */
public class BuilderStoppedException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    public BuilderStoppedException(String builder, String error, int exitCode, List<String> lastLines) {
        super(Kind.UNAVAILABLE, "the builder stopped during the build: " + builder,
            "its connection closed mid-build (" + error + "); buildkitd was killed, crashed, ran out of memory or was restarted",
            "find out why in the builder's log (and dmesg, for the out-of-memory killer), start it again ('gocb builder start' for the"
                + " builder gocb runs itself) and run the build again",
            exitCode, lastLines);
    }
}
