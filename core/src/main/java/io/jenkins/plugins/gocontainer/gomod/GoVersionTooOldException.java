package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;

/** The agent's go is older than the module's go directive requires. */
public class GoVersionTooOldException extends GocbException {

    private static final long serialVersionUID = 1L;

    private final String required;
    private final String running;

    public GoVersionTooOldException(String module, GoVersion required, GoToolchain running) {
        super(Kind.UNAVAILABLE, "the module " + module + " requires go >= " + required + " (the go line of its go.mod), but the go command at "
                        + running.executable() + " is go" + running.version(),
                "the agent's Go toolchain is older than the module needs; gocb runs go with GOTOOLCHAIN=local, so the version "
                        + "checked is the version that runs (an offline build cannot download a newer toolchain anyway)",
                "install Go " + required + " or newer on the agent (https://go.dev/dl/) and put it first on the PATH, or give gocb "
                        + "that go executable (gocb vendor --go PATH); if the module really builds with go" + running.version()
                        + ", lower the go line of go.mod (go mod edit -go=" + running.version().language() + ")", null);
        this.required = required.toString();
        this.running = running.version().toString();
    }

    public String required() {
        return required;
    }

    public String running() {
        return running;
    }
}
