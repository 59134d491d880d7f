package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.buildkit.BuilderUnreachableException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.gates.LintReportException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.InvalidImageReferenceException;
import io.jenkins.plugins.gocontainer.registry.PushTagsIncompleteException;
import io.jenkins.plugins.gocontainer.tags.InvalidDockerTagException;
import io.jenkins.plugins.gocontainer.tags.InvalidTagRuleException;
import io.jenkins.plugins.gocontainer.tags.NotAGitRepositoryException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a {@link GocbException} for people (stderr) or machines (JSON on stdout) and picks the exit code. */
final class ErrorReporter {

    private ErrorReporter() {
    }

    static int report(GocbException error, OutputFormat format, PrintWriter out, PrintWriter err) {
        err.println("gocb: error: " + error.getMessage());
        err.flush();
        if (format == OutputFormat.json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", error.getClass().getSimpleName());
            body.put("problem", error.problem());
            body.put("reason", error.reason());
            body.put("remedy", error.remedy());
            if (error instanceof PushTagsIncompleteException incomplete) {
                body.put("tagged", incomplete.tagged());
                body.put("notTagged", incomplete.notTagged());
            }
            out.println(Json.write(Map.of("error", body)));
            out.flush();
        }
        return exitCode(error);
    }

    static int exitCode(GocbException error) {
        if (error instanceof InvalidBuildRequestException || error instanceof InvalidImageReferenceException
            || error instanceof InvalidTagRuleException || error instanceof InvalidDockerTagException || error instanceof NotAGitRepositoryException
            || error instanceof LintReportException) {
            return ExitCodes.INVALID_INPUT;
        }
        if (error instanceof BuilderUnreachableException || error instanceof CommandNotFoundException) {
            return ExitCodes.BUILDER_UNAVAILABLE;
        }
        return ExitCodes.FAILED;
    }
}
