package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;

/** golangci-lint did not produce a usable report: it failed, timed out, or is not the v2 gocb drives. */
public class GolangciLintException extends GocbException {

    private static final long serialVersionUID = 1L;

    GolangciLintException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }

    GolangciLintException(String problem, String reason, String remedy, Throwable cause) {
        super(problem, reason, remedy, cause);
    }
}
