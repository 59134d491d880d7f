package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;

/** Semantic-version tags were required, and the commit being built has none. */
public class SemverRequiredException extends GocbException {

    private static final long serialVersionUID = 1L;

    public SemverRequiredException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }
}
