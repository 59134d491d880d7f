package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.GocbException;

import java.util.List;

/** The BuildKit client ran and failed. Subclasses say which kind of failure it was. */
public class BuildFailedException extends GocbException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<String> lastLines;

    public BuildFailedException(String problem, String reason, String remedy, int exitCode, List<String> lastLines) {
        this(Kind.FAILED, problem, reason, remedy, exitCode, lastLines);
    }

    protected BuildFailedException(Kind kind, String problem, String reason, String remedy, int exitCode, List<String> lastLines) {
        super(kind, problem + (lastLines.isEmpty() ? "" : "\n  Last output:\n    " + String.join("\n    ", lastLines)), reason, remedy, null);
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    /** The BuildKit client's exit code, or the failed step's when a RUN step failed. */
    public int exitCode() {
        return exitCode;
    }

    /** The most relevant output lines, already masked. */
    public List<String> lastLines() {
        return lastLines;
    }
}
