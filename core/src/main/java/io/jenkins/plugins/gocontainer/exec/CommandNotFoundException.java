package io.jenkins.plugins.gocontainer.exec;

import io.jenkins.plugins.gocontainer.GocbException;

/** The program of a command is not installed or not on the PATH. */
public class CommandNotFoundException extends GocbException {

    private static final long serialVersionUID = 1L;

    public CommandNotFoundException(String program, String remedy, Throwable cause) {
        super(Kind.UNAVAILABLE, "cannot run '" + program + "': it is not installed or not on the PATH",
            "the agent running this build lacks a tool go-container-build drives",
            remedy, cause);
    }
}
