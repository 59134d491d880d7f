package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.List;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/** The service needs cgo, which the go engine (like the generated Dockerfile) turns off to make a static binary for scratch. */
public final class CgoRequiredException extends InvalidBuildRequestException {

    private static final long serialVersionUID = 1L;

    CgoRequiredException(String what, List<String> packages) {
        super(what + " needs cgo" + (packages.isEmpty() ? "" : ": " + String.join(", ", packages)),
            "the go engine builds with CGO_ENABLED=0, a static binary that runs on scratch without a C library; a package that imports \"C\""
                + " has no such build",
            "build with BuildKit and a Dockerfile of your own that installs a C toolchain and keeps the C library in the final stage"
                + " (leave " + setting("engine") + " out; gocb dockerfile prints a starting point), or replace the cgo dependency with a"
                + " pure-Go one");
    }
}
