package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;

import java.nio.file.Path;

/** A lint report that cannot be used: missing, broken, of an unknown format, or not comparable. */
public class LintReportException extends GocbException {

    private static final long serialVersionUID = 1L;

    private static final int EXCERPT_LENGTH = 60;

    LintReportException(String problem, String reason, String remedy) {
        super(Kind.INVALID_INPUT, problem, reason, remedy, null);
    }

    LintReportException(String problem, String reason, String remedy, Throwable cause) {
        super(Kind.INVALID_INPUT, problem, reason, remedy, cause);
    }

    static LintReportException missing(Path file) {
        return new LintReportException(
            "lint report " + file.toAbsolutePath() + " does not exist",
            "the linter did not run, failed before writing its report, or wrote it relative to another working directory",
            "run the linter before the gate and write the report to that path, e.g. "
                + LintFormat.GOLANGCI_LINT_JSON.howToProduce() + ", or correct the report path");
    }

    static LintReportException unreadable(Path file, Exception cause) {
        return new LintReportException(
            "lint report " + file.toAbsolutePath() + " cannot be read: " + cause.getMessage(),
            "it is a directory, or the build user lacks permission to read it",
            "point the gate at the report file itself and check its permissions", cause);
    }

    static LintReportException malformed(String source, LintFormat format, int line, int column, String detail, Throwable cause) {
        return new LintReportException(
            "lint report " + source + " is not valid " + format.displayName() + ": " + detail + " at line " + line + ", column " + column,
            "the report is truncated (the linter was killed or ran out of disk) or something else wrote into the same file",
            "run the linter again and write its report to a file of its own, e.g. " + format.howToProduce(), cause);
    }

    static LintReportException unknownFormat(String source, String content, String why) {
        return new LintReportException(
            "cannot tell which linter wrote " + source + ": " + why + "; it starts with: " + excerpt(content),
            "gocb recognises reports by their content, and this one matches none of the formats it reads",
            "write the report in one of: " + LintFormat.catalogue());
    }

    static LintReportException toolError(String source, String tool, String error) {
        return new LintReportException(
            "lint report " + source + " says " + tool + " failed: " + error,
            "the linter stopped before checking the code (configuration error, code that does not compile), so an empty list of issues means nothing",
            "fix the error " + tool + " reported and run it again");
    }

    static LintReportException baselineMismatch(LintReport baseline, LintReport current) {
        return new LintReportException(
            "baseline report " + baseline.source() + " was written by " + baseline.producer()
                + " but the current report " + current.source() + " by " + current.producer(),
            "new issues are found by matching file, rule and message, which only works between reports of the same tool and format",
            "produce the baseline with the same command as the current report (e.g. on the previous release), or drop the baseline");
    }

    static String excerpt(String content) {
        String flat = content.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(nothing: the file is empty)";
        }
        return "'" + (flat.length() > EXCERPT_LENGTH ? flat.substring(0, EXCERPT_LENGTH) + "…" : flat) + "'";
    }
}
