package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one path every command that runs a core operation takes: the context (this directory as
 * the workspace, this process's environment), the log on stderr, cancellation by SIGINT/SIGTERM,
 * and the mapping of every failure to its message and exit code.
 */
final class OperationCall {

    /** The work of a command: runs the operation and prints its result; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(OperationContext context, PrintWriter out, PrintWriter err) throws IOException, InterruptedException;
    }

    private OperationCall() {
    }

    /**
     * @param cancelled what to tell the user after an interruption, e.g. "build cancelled; ..."
     */
    static int run(CommandSpec spec, OutputFormat format, boolean quiet, Map<String, String> environment, String cancelled, Work work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            OperationContext context = OperationContext.of(Path.of("").toAbsolutePath(), environment, log(err, quiet))
                .withSettingNames(CliSettingNames.INSTANCE);
            return Cancellation.runCancellable(() -> work.run(context, out, err));
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        } catch (IOException e) {
            return ErrorReporter.report(new GocbException(spec.name() + " failed: " + e.getMessage(), "an input/output error on this machine",
                "check the paths and free disk space", e), format, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("gocb: " + cancelled);
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
    }

    static OutputSink log(PrintWriter err, boolean quiet) {
        return quiet ? OutputSink.discard() : line -> {
            err.println(line);
            err.flush();
        };
    }
}
