package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.exec.OutputSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows BuildKit's plain progress output ({@code #N name}, {@code #N 0.123 log line},
 * {@code #N ERROR: ...}) and remembers, per step, its name, its last log lines and its error, so
 * that a failure can name the step that failed instead of dumping the whole log.
 */
public final class ProgressLog implements OutputSink {

    static final int LOG_LINES_PER_STEP = 15;

    private static final Pattern VERTEX_LINE = Pattern.compile("^#(\\d+) (.*)$");
    private static final Pattern TIMESTAMPED = Pattern.compile("^\\d+\\.\\d+ (.*)$");
    private static final Pattern STATUS = Pattern.compile("^(DONE|CACHED|CANCELED)\\b.*");

    /** One build step as the progress output showed it. */
    public record Step(int number, String name, List<String> lastLogLines, Optional<String> error) {
    }

    private final Map<Integer, MutableStep> steps = new LinkedHashMap<>();
    private final List<String> trailer = new ArrayList<>();

    @Override
    public synchronized void line(String line) {
        Matcher vertex = VERTEX_LINE.matcher(line);
        if (!vertex.matches()) {
            if (line.startsWith("error:") || line.startsWith("ERROR:")) {
                trailer.add(line);
            }
            return;
        }
        int number = Integer.parseInt(vertex.group(1));
        String rest = vertex.group(2);
        MutableStep step = steps.get(number);
        if (step == null) {
            steps.put(number, new MutableStep(number, rest));
            return;
        }
        if (rest.startsWith("ERROR: ")) {
            step.error = rest.substring("ERROR: ".length());
        } else if (!STATUS.matcher(rest).matches()) {
            Matcher log = TIMESTAMPED.matcher(rest);
            step.log(log.matches() ? log.group(1) : rest);
        }
    }

    /** True once BuildKit reported any step, which means the builder was reached. */
    public synchronized boolean builderAnswered() {
        return !steps.isEmpty();
    }

    /** The last step that reported an error. */
    public synchronized Optional<Step> failedStep() {
        MutableStep failed = null;
        for (MutableStep step : steps.values()) {
            if (step.error != null) {
                failed = step;
            }
        }
        return Optional.ofNullable(failed).map(MutableStep::snapshot);
    }

    /** The client's closing "error: ..." line, if it printed one. */
    public synchronized Optional<String> finalError() {
        return trailer.isEmpty() ? Optional.empty() : Optional.of(trailer.get(trailer.size() - 1));
    }

    private static final class MutableStep {
        private final int number;
        private final String name;
        private final Deque<String> logs = new ArrayDeque<>();
        private String error;

        MutableStep(int number, String name) {
            this.number = number;
            this.name = name;
        }

        void log(String line) {
            if (logs.size() == LOG_LINES_PER_STEP) {
                logs.removeFirst();
            }
            logs.addLast(line);
        }

        Step snapshot() {
            return new Step(number, name, List.copyOf(logs), Optional.ofNullable(error));
        }
    }
}
