package io.jenkins.plugins.gocontainer.build;

import java.util.List;

/** A Dockerfile step (usually a RUN) failed inside the builder. */
public class BuildStepFailedException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    private final String step;

    public BuildStepFailedException(String step, int stepExitCode, String error, List<String> stepLog) {
        super("build step failed with exit code " + stepExitCode + ": " + step,
            error,
            "fix the command or the sources it builds; the step's last output is above",
            stepExitCode, stepLog);
        this.step = step;
    }

    /** The step as BuildKit named it, e.g. {@code [builder 4/6] RUN go build ./...}. */
    public String step() {
        return step;
    }
}
