package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs go commands in one module for one request: the request's environment (credentials included,
 * never logged), GOTOOLCHAIN=local so the checked go is the go that runs, and GOWORK=off because the
 * build sees the module alone, not a go.work above it. Output is masked by the runner.
 */
final class GoCommands {

    /** Everything a go command printed (masked), and how it ended. */
    record Output(int exitCode, List<String> lines) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final CommandRunner runner;
    private final GoToolchain go;
    private final Path module;
    private final Map<String, String> environment;
    private final OutputSink log;

    GoCommands(CommandRunner runner, GoToolchain go, Path module, Map<String, String> environment, OutputSink log) {
        this.runner = runner;
        this.go = go;
        this.module = module;
        Map<String, String> base = new LinkedHashMap<>(environment);
        base.put("GOTOOLCHAIN", "local");
        base.put("GOWORK", "off");
        this.environment = Collections.unmodifiableMap(base);
        this.log = log;
    }

    Path module() {
        return module;
    }

    OutputSink log() {
        return log;
    }

    /**
     * Runs {@code go args...}, announcing it in the log.
     *
     * @param overrides environment for this command only (GOMODCACHE, GOPROXY)
     * @param output    where go's lines go as they come; all of them are also returned
     */
    Output run(Map<String, String> overrides, OutputSink output, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(go.executable().toString());
        argv.addAll(List.of(args));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(overrides);
        Command command = new Command(argv, env, module);
        log.line("gocb: " + String.join(" ", assignments(overrides)) + (overrides.isEmpty() ? "" : " ") + "go " + String.join(" ", args));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CommandResult result = runner.run(command, line -> {
            lines.add(line);
            output.line(line);
        });
        return new Output(result.exitCode(), List.copyOf(lines));
    }

    /** Like {@link #run}, streaming go's output to the log, and failing with go's lines explained. */
    Output runOrFail(String reasonIfUnknown, String remedyIfUnknown, Map<String, String> overrides, String... args)
            throws IOException, InterruptedException {
        Output output = run(overrides, log, args);
        if (!output.succeeded()) {
            throw GoCommandFailedException.explained("go " + String.join(" ", args) + " failed in " + module + " (exit code "
                    + output.exitCode() + ")", output.lines(), reasonIfUnknown, remedyIfUnknown);
        }
        return output;
    }

    /** {@code NAME=value} for the log: these overrides are paths and proxies gocb chose, never credentials. */
    private static List<String> assignments(Map<String, String> overrides) {
        return overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
