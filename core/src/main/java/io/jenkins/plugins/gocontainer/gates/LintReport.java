package io.jenkins.plugins.gocontainer.gates;

import java.util.List;
import java.util.Objects;

/**
 * A parsed lint report.
 *
 * @param tool the program that wrote it (golangci-lint, go vet, staticcheck, the SARIF driver's name),
 *             or "unknown" where the format does not say (checkstyle XML)
 * @param source where it was read from, for messages
 */
public record LintReport(LintFormat format, String tool, String source, List<Finding> findings) {

    public LintReport {
        Objects.requireNonNull(format, "format");
        tool = tool == null || tool.isBlank() ? "unknown" : tool;
        source = source == null ? "" : source;
        findings = List.copyOf(findings);
    }

    /** "golangci-lint (golangci-lint JSON)": enough for a user to recognise the command that wrote it. */
    public String producer() {
        return tool + " (" + format.displayName() + ")";
    }
}
