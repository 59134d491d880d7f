package io.jenkins.plugins.gocontainer.gates;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The report formats gocb reads, recognised by content rather than by file name. */
public enum LintFormat {
    GOLANGCI_LINT_JSON("golangci-lint JSON", "golangci-lint run --output.json.path=FILE (v2) or --out-format json (v1)"),
    CHECKSTYLE_XML("checkstyle XML", "golangci-lint run --output.checkstyle.path=FILE, or any checkstyle writer"),
    SARIF("SARIF 2.1.0", "golangci-lint run --output.sarif.path=FILE, staticcheck -f sarif, ..."),
    GO_VET_JSON("go vet -json", "go vet -json ./... > FILE 2>&1"),
    STATICCHECK_JSON("staticcheck JSON", "staticcheck -f json ./... > FILE");

    private final String displayName;
    private final String howToProduce;

    LintFormat(String displayName, String howToProduce) {
        this.displayName = displayName;
        this.howToProduce = howToProduce;
    }

    public String displayName() {
        return displayName;
    }

    public String howToProduce() {
        return howToProduce;
    }

    /** All known formats with the command that writes each, for error messages. */
    static String catalogue() {
        return Arrays.stream(values()).map(format -> format.displayName + " (" + format.howToProduce + ")")
            .collect(Collectors.joining("; "));
    }
}
