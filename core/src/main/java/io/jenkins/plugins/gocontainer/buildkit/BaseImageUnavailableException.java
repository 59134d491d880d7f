package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/** A FROM image could not be resolved: no registry access, or a name that does not exist. */
public class BaseImageUnavailableException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    /** {@code remedy} fits the image to what the stages built on it run (see {@link io.jenkins.plugins.gocontainer.plan.BaseImageAdvice}). */
    public BaseImageUnavailableException(String image, String remedy, int exitCode, List<String> lastLines) {
        super("the base image " + image + " could not be resolved",
            "the builder cannot reach the registry that hosts it (air-gapped agent, proxy, no DNS), or the name or tag does not exist",
            remedy, exitCode, lastLines);
    }
}
