package io.jenkins.plugins.gocontainer.gates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LintReportReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsGolangciLintJson() {
        LintReport report = Fixtures.parse("golangci-lint-issues.json");

        assertThat(report.format()).isEqualTo(LintFormat.GOLANGCI_LINT_JSON);
        assertThat(report.tool()).isEqualTo("golangci-lint");
        assertThat(report.findings()).containsExactly(
            new Finding("internal/store/file.go", 23, 15, "errcheck", Severity.ERROR, "Error return value of `f.Close` is not checked"),
            new Finding("cmd/server/main.go", 31, 36, "revive", Severity.WARNING,
                "unused-parameter: parameter 'r' seems to be unused, consider removing or renaming it as _"),
            new Finding("cmd/server/main.go", 40, 8, "staticcheck", Severity.ERROR, "SA4006: this value of `err` is never used"));
    }

    @Test
    void emptyGolangciLintReportsHaveNoFindings() {
        assertThat(Fixtures.parse("golangci-lint-warnings-only.json").findings()).isEmpty();
        assertThat(LintReportReader.parse("{\"Issues\":[]}\n", "inline").findings()).isEmpty();
    }

    @Test
    void golangciLintJsonWithAnErrorIsRefusedRatherThanReadAsClean() {
        assertThatThrownBy(() -> LintReportReader.parse("{\"Issues\":[],\"Report\":{\"Error\":\"context loading failed: no go files to analyze\"}}", "lint.json"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("lint.json says golangci-lint failed: context loading failed: no go files to analyze");
    }

    @Test
    void readsCheckstyleXmlWithTheSameFindingsAsTheJson() {
        LintReport report = Fixtures.parse("checkstyle.xml");

        assertThat(report.format()).isEqualTo(LintFormat.CHECKSTYLE_XML);
        assertThat(report.findings()).containsExactlyInAnyOrderElementsOf(Fixtures.parse("golangci-lint-issues.json").findings());
    }

    @Test
    void readsEmptyCheckstyle() {
        LintReport report = LintReportReader.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<checkstyle version=\"5.0\"></checkstyle>\n", "cs.xml");

        assertThat(report.format()).isEqualTo(LintFormat.CHECKSTYLE_XML);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void readsSarifSkippingSuppressedResultsAndDefaultingLevelToWarning() {
        LintReport report = Fixtures.parse("sarif.json");

        assertThat(report.format()).isEqualTo(LintFormat.SARIF);
        assertThat(report.tool()).isEqualTo("golangci-lint");
        assertThat(report.findings()).extracting(Finding::rule).containsExactly("errcheck", "revive", "gosec");
        assertThat(report.findings().get(0)).isEqualTo(
            new Finding("internal/store/file.go", 23, 15, "errcheck", Severity.ERROR, "Error return value of `f.Close` is not checked"));
        assertThat(report.findings().get(2).severity()).isEqualTo(Severity.WARNING);
        assertThat(report.findings().get(2).location()).isEqualTo("cmd/server/main.go:52:2");
    }

    @Test
    void readsStaticcheckJsonLines() {
        LintReport report = Fixtures.parse("staticcheck.json");

        assertThat(report.format()).isEqualTo(LintFormat.STATICCHECK_JSON);
        assertThat(report.tool()).isEqualTo("staticcheck");
        assertThat(report.findings()).containsExactly(
            new Finding("/src/acme/cmd/server/main.go", 40, 8, "SA4006", Severity.ERROR, "this value of err is never used"),
            new Finding("/src/acme/internal/store/file.go", 57, 20, "ST1005", Severity.WARNING, "error strings should not be capitalized"),
            new Finding("/src/acme/internal/store/file.go", 70, 6, "U1000", Severity.ERROR, "func helper is unused"));
    }

    @Test
    void detectsTheFormatByContentNotByFileName() throws IOException {
        Path misnamed = directory.resolve("report.xml");
        Files.writeString(misnamed, Fixtures.read("staticcheck.json"));

        assertThat(LintReportReader.read(misnamed).format()).isEqualTo(LintFormat.STATICCHECK_JSON);
    }

    @Test
    void aMissingReportNamesItsPath() {
        Path missing = directory.resolve("out/golangci-lint.json");

        assertThatThrownBy(() -> LintReportReader.read(missing))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("lint report " + missing.toAbsolutePath() + " does not exist")
            .hasMessageContaining("Fix: run the linter");
    }

    @Test
    void aTruncatedJsonReportSaysWhereItBroke() throws IOException {
        String whole = Fixtures.read("golangci-lint-issues.json");
        Path truncated = directory.resolve("lint.json");
        Files.writeString(truncated, whole.substring(0, 300));

        assertThatThrownBy(() -> LintReportReader.read(truncated))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("is not valid golangci-lint JSON")
            .hasMessageContaining("ends in the middle")
            .hasMessageContaining("at line 1, column 301");
    }

    @Test
    void aTruncatedStaticcheckStreamSaysWhichLineBroke() {
        String whole = Fixtures.read("staticcheck.json");
        int thirdLine = whole.indexOf("{\"code\":\"U1000\"");

        assertThatThrownBy(() -> LintReportReader.parse(whole.substring(0, thirdLine + 40), "sc.json"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("not valid staticcheck JSON")
            .hasMessageContaining("at line 3, column 41");
    }

    @Test
    void malformedXmlSaysWhereItBroke() {
        String broken = "<?xml version=\"1.0\"?>\n<checkstyle version=\"5.0\">\n  <file name=\"a.go\">\n    <error line=\"1\" message=\"x\" </file>\n";

        assertThatThrownBy(() -> LintReportReader.parse(broken, "cs.xml"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("cs.xml is not valid checkstyle XML")
            .hasMessageContaining("at line 4, column");
    }

    @Test
    void anUnknownJsonReportListsTheKnownFormatsAndItsStart() {
        assertThatThrownBy(() -> LintReportReader.parse("{\"results\": [{\"file\": \"a.go\"}]}", "eslint.json"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("cannot tell which linter wrote eslint.json")
            .hasMessageContaining("it starts with: '{\"results\": [{\"file\": \"a.go\"}]}'")
            .hasMessageContaining("golangci-lint JSON").hasMessageContaining("checkstyle XML").hasMessageContaining("SARIF 2.1.0")
            .hasMessageContaining("go vet -json").hasMessageContaining("staticcheck JSON");
    }

    @Test
    void plainTextAndOtherXmlAreUnknownFormats() {
        assertThatThrownBy(() -> LintReportReader.parse("main.go:3:1: exported func X should have comment\n", "lint.txt"))
            .hasMessageContaining("it is neither JSON nor XML")
            .hasMessageContaining("'main.go:3:1: exported func X should have comment'");
        assertThatThrownBy(() -> LintReportReader.parse("<testsuites><testsuite name=\"x\"/></testsuites>", "junit.xml"))
            .hasMessageContaining("it is XML with root element <testsuites>, not <checkstyle>");
        assertThatThrownBy(() -> LintReportReader.parse("  \n", "empty.json"))
            .hasMessageContaining("the report is empty");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoExternalEntityIsFetched() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE checkstyle [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<checkstyle><file name=\"&x;\"/></checkstyle>";

        assertThatThrownBy(() -> LintReportReader.parse(withEntity, "evil.xml"))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("DOCTYPE");
    }
}
