package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/**
 * The frontend image a Dockerfile asks for in its {@code # syntax=} line could not be pulled. It is
 * not a base image: BuildKit has a Dockerfile frontend built in, which a build can use instead.
 */
public class FrontendUnavailableException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    private final String frontend;

    public FrontendUnavailableException(String frontend, String dockerfile, int exitCode, List<String> lastLines) {
        super("the Dockerfile frontend " + frontend + " (the '# syntax=' line of " + dockerfile + ") could not be pulled",
            "the builder cannot reach the registry that hosts it (air-gapped agent, proxy, no DNS), or the name or tag does not exist",
            "let the builder pull it (a mirror, a proxy), or remove the '# syntax=' line to build with BuildKit's built-in Dockerfile frontend",
            exitCode, lastLines);
        this.frontend = frontend;
    }

    /** The frontend image, as the Dockerfile names it. */
    public String frontend() {
        return frontend;
    }
}
