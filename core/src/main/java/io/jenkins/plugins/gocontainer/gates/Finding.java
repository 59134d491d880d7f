package io.jenkins.plugins.gocontainer.gates;

import java.util.Objects;

/**
 * One problem a linter reported, normalised across tools. Line and column are 1-based; 0 means
 * the tool gave none (file-level findings).
 *
 * @param rule the linter (golangci-lint's FromLinter, go vet's analyzer) or check code (staticcheck's SA4006)
 */
public record Finding(String file, int line, int column, String rule, Severity severity, String message) {

    public Finding {
        file = file == null ? "" : file;
        rule = rule == null || rule.isBlank() ? "unknown" : rule;
        Objects.requireNonNull(severity, "severity");
        message = message == null ? "" : message;
    }

    /** The identity used to recognise the same finding in a baseline: lines move, these rarely do. */
    public BaselineKey baselineKey() {
        return new BaselineKey(file, rule, message);
    }

    /** {@code file:line:column}, leaving out what the tool did not give. */
    public String location() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    /** One line for logs and reports: {@code main.go:8:2 [error] assign: self-assignment of x}. */
    public String describe() {
        return location() + " [" + severity.label() + "] " + rule + ": " + message;
    }

    /** File, rule and message: what "the same finding" means between two runs. */
    public record BaselineKey(String file, String rule, String message) {
    }
}
