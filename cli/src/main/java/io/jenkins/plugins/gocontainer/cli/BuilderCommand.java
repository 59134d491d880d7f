package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.buildkit.EmbeddedBuilder;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Command;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Model.CommandSpec;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Option;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code gocb builder start|stop|status}: manages gocb's own local buildkitd. */
@Command(name = "builder", mixinStandardHelpOptions = true,
    description = "Manages gocb's embedded local buildkitd (used when no --addr or BUILDKIT_HOST is given).")
final class BuilderCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
        description = "state directory (default: $GOCB_STATE_DIR/buildkit or ~/.local/state/gocb/buildkit)")
    Path stateDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", scope = picocli.CommandLine.ScopeType.INHERIT,
        description = "output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Command(name = "start", description = "Starts the builder (no-op when it already runs) and waits until it answers.")
    int start() {
        return run(builder -> {
            builder.start();
            return status(builder);
        }, "running");
    }

    @Command(name = "stop", description = "Stops the builder (no-op when it is not running); its cache stays for the next start.")
    int stop() {
        return run(builder -> {
            builder.stop();
            return status(builder);
        }, "stopped");
    }

    @Command(name = "status", description = "Says whether the builder runs and answers. Exit code 0 when it answers, 1 otherwise.")
    int status() {
        return run(this::status, "running");
    }

    @FunctionalInterface
    private interface Action {
        Map<String, Object> apply(EmbeddedBuilder builder) throws IOException, InterruptedException;
    }

    private int run(Action action, String expectedState) {
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedBuilder builder = new EmbeddedBuilder(stateDirectory != null ? stateDirectory.toAbsolutePath() : EmbeddedBuilder.defaultStateDirectory(System.getenv()), new io.jenkins.plugins.gocontainer.exec.CommandRunner(io.jenkins.plugins.gocontainer.exec.SecretMasker.none(), System.getenv()))
            .withLog(spec.commandLine().getErr()::println);
        try {
            Map<String, Object> status = action.apply(builder);
            if (format == OutputFormat.json) {
                out.println(Json.write(status));
            } else {
                out.printf("builder %s%n", status.get("state"));
                out.printf("  address %s%n  state   %s%n  log     %s%n", status.get("address"), status.get("stateDirectory"), status.get("log"));
                if (status.get("pid") != null) {
                    out.printf("  pid     %s%n", status.get("pid"));
                }
            }
            out.flush();
            return expectedState.equals(status.get("state")) ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, spec.commandLine().getErr());
        } catch (IOException e) {
            return ErrorReporter.report(new GocbException("builder command failed: " + e.getMessage(), "", "read " + builder.logFile(), e),
                format, out, spec.commandLine().getErr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    private Map<String, Object> status(EmbeddedBuilder builder) throws InterruptedException {
        Map<String, Object> status = new LinkedHashMap<>();
        boolean answers = builder.isRunning() && builder.answers();
        status.put("state", answers ? "running" : builder.isRunning() ? "not answering" : "stopped");
        status.put("address", builder.connection().address());
        status.put("pid", builder.process().map(ProcessHandle::pid).orElse(null));
        status.put("stateDirectory", builder.stateDirectory().toString());
        status.put("log", builder.logFile().toString());
        return status;
    }
}
