package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.PushTagsIncompleteException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a {@link GocbException} for people (stderr) or machines (JSON on stdout) and picks the exit code. */
final class ErrorReporter {

    private ErrorReporter() {
    }

    static int report(GocbException error, OutputFormat format, PrintWriter out, PrintWriter err) {
        err.println("gocb: error: " + error.message(CliSettingNames.INSTANCE));
        err.flush();
        if (format == OutputFormat.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", error.getClass().getSimpleName());
            body.put("kind", error.kind().name());
            body.put("problem", GocbException.render(error.problem(), CliSettingNames.INSTANCE));
            body.put("reason", GocbException.render(error.reason(), CliSettingNames.INSTANCE));
            body.put("remedy", GocbException.render(error.remedy(), CliSettingNames.INSTANCE));
            if (error instanceof PushTagsIncompleteException incomplete) {
                body.put("tagged", incomplete.tagged());
                body.put("notTagged", incomplete.notTagged());
            }
            out.println(Json.write(Map.of("error", body)));
            out.flush();
        }
        return exitCode(error);
    }

    /** The one table from a failure's kind to gocb's exit code. */
    static int exitCode(GocbException error) {
        return switch (error.kind()) {
            case INVALID_INPUT -> ExitCodes.INVALID_INPUT;
            case UNAVAILABLE -> ExitCodes.BUILDER_UNAVAILABLE;
            case FAILED -> ExitCodes.FAILED;
        };
    }
}
