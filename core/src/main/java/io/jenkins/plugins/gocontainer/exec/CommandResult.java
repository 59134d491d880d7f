package io.jenkins.plugins.gocontainer.exec;

import java.time.Duration;
import java.util.List;

/**
 * How a command ended: its exit code, the last lines it printed (already masked) for error
 * messages, and how long it ran.
 */
public record CommandResult(int exitCode, List<String> lastLines, Duration elapsed) {

    public CommandResult {
        lastLines = List.copyOf(lastLines);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String lastLinesText() {
        return String.join("\n", lastLines);
    }
}
