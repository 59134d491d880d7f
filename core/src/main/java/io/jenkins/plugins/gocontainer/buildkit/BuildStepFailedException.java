package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.gomod.GoError;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Dockerfile step (usually a RUN) failed inside the builder. When the step's output holds a go
 * command failure the catalogue knows, the reason and remedy are that failure's, with go's own lines.
 */
public class BuildStepFailedException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    private static final Pattern GO_COMMAND = Pattern.compile("(^|[\\s;&|(/])go\\s+(build|mod|get|install|run|test|vet|generate|list|work|env|download)\\b");
    private static final Pattern GIT_COMMAND = Pattern.compile("(^|[\\s;&|(/])git\\s");

    private final String step;
    private final transient GoError goError;

    public BuildStepFailedException(String step, int stepExitCode, String error, List<String> stepLog) {
        this(step, stepExitCode, error, stepLog, null, "");
    }

    /**
     * @param goError the recognised go failure, or null
     * @param buildNote what this build's settings add to the explanation (e.g. "no GOPRIVATE is set"), or empty
     */
    public BuildStepFailedException(String step, int stepExitCode, String error, List<String> stepLog, GoError goError, String buildNote) {
        super("build step failed with exit code " + stepExitCode + ": " + step,
            goError == null ? error : reporter(step) + " reported:\n" + goError.originalMessage().indent(4).stripTrailing() + "\n" + goError.cause() + buildNote,
            goError == null ? "fix the command or the sources it builds; the step's last output is above" : goError.fix(),
            stepExitCode, stepLog);
        this.step = step;
        this.goError = goError;
    }

    /**
     * Who printed the recognised message, from the step's command: the catalogue knows go's failures,
     * and git's that go passes on, but a step that runs git (or a script) itself is not go.
     */
    static String reporter(String step) {
        if (GO_COMMAND.matcher(step).find()) {
            return "go";
        }
        return GIT_COMMAND.matcher(step).find() ? "git" : "the step";
    }

    /** The step as BuildKit named it, e.g. {@code [builder 4/6] RUN go build ./...}. */
    public String step() {
        return step;
    }

    /** The go command failure recognised in the step's output. */
    public Optional<GoError> goError() {
        return Optional.ofNullable(goError);
    }
}
