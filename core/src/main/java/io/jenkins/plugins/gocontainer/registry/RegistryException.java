package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.GocbException;

/** A registry answered with an error, or could not be reached. Never carries credentials. */
public class RegistryException extends GocbException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }

    public RegistryException(String problem, String reason, String remedy, Throwable cause) {
        super(problem, reason, remedy, cause);
    }
}
