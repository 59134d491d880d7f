package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/** A FROM image could not be resolved: no registry access, or a name that does not exist. */
public class BaseImageUnavailableException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    public BaseImageUnavailableException(String image, int exitCode, List<String> lastLines) {
        super("the base image " + image + " could not be resolved",
            "the builder cannot reach the registry that hosts it (air-gapped agent, proxy, no DNS), or the name or tag does not exist",
            "fix the name, point FROM at a mirror, or hand BuildKit a local root filesystem for it:"
                + " {@baseImages} " + image + "=DIR (./dev/gobase makes a golang one from this machine's Go)",
            exitCode, lastLines);
    }
}
