package io.jenkins.plugins.gocontainer.gates;

import java.util.Locale;

/** How serious a finding is, normalised across the levels the supported tools write. */
public enum Severity {
    ERROR, WARNING, INFO;

    /**
     * Maps a tool's level to a severity. An empty level is an error because golangci-lint itself
     * writes "error" for it in its checkstyle and SARIF output; an unrecognised custom level (golangci-lint
     * lets users invent them) is also an error, so that it can never slip past an error limit.
     */
    public static Severity fromToolLevel(String level) {
        String normalised = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "warning", "warn", "minor", "medium", "moderate" -> WARNING;
            case "info", "information", "note", "notice", "low", "none", "ignore", "ignored", "hint", "suggestion" -> INFO;
            default -> ERROR;
        };
    }

    /** The lower-case name used in reports and on command lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a severity as a user writes it on a command line ({@code error}, {@code warning}, {@code info}). */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return severity;
            }
        }
        throw new io.jenkins.plugins.gocontainer.InvalidBuildRequestException(
            "unknown severity '" + text + "'",
            "lint thresholds count findings per normalised severity",
            "use one of: error, warning, info");
    }
}
