package io.jenkins.plugins.gocontainer.exec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command to run: argv, extra environment and working directory. Immutable.
 *
 * <p>Secret values never belong in {@link #argv()}: pass them as environment or files.
 */
public record Command(List<String> argv, Map<String, String> environment, Path workingDirectory) {

    public Command {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), null);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null);
    }

    public String program() {
        return argv.get(0);
    }

    public Command withEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new Command(argv, merged, workingDirectory);
    }

    public Command inDirectory(Path directory) {
        return new Command(argv, environment, directory);
    }

    /** The argv as a shell-quoted line, for logs and dry runs. */
    public String toCommandLine() {
        return ShellQuoting.join(argv);
    }
}
