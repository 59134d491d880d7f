package io.jenkins.plugins.gocontainer.gates;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LintGateTest {

    private static final Finding UNCHECKED_CLOSE = new Finding("store/file.go", 23, 15, "errcheck", Severity.ERROR, "Error return value of `f.Close` is not checked");
    private static final Finding UNUSED_PARAM = new Finding("cmd/main.go", 31, 36, "revive", Severity.WARNING, "unused-parameter: parameter 'r' seems to be unused");
    private static final Finding DEAD_VALUE = new Finding("cmd/main.go", 40, 8, "staticcheck", Severity.ERROR, "SA4006: this value of `err` is never used");

    private static LintReport golangci(Finding... findings) {
        return new LintReport(LintFormat.GOLANGCI_LINT_JSON, "golangci-lint", "lint.json", List.of(findings));
    }

    @Test
    void withinAllLimitsNothingIsBreached() {
        LintEvaluation evaluation = LintGate.evaluate(golangci(UNCHECKED_CLOSE, UNUSED_PARAM), Optional.empty(),
            LintThresholds.none().withMaxTotal(2).withMaxPerSeverity(Severity.ERROR, 1).withMaxPerRule("revive", 1));

        assertThat(evaluation.breached()).isFalse();
        assertThat(evaluation.counted()).hasSize(2);
    }

    @Test
    void reportsEachBreachedLimitWithItsOffenders() {
        LintEvaluation evaluation = LintGate.evaluate(golangci(UNCHECKED_CLOSE, UNUSED_PARAM, DEAD_VALUE), Optional.empty(),
            LintThresholds.none().withMaxTotal(2).withMaxPerSeverity(Severity.ERROR, 1).withMaxPerSeverity(Severity.WARNING, 1)
                .withMaxPerRule("errcheck", 0).withMaxPerRule("revive", 5));

        assertThat(evaluation.breaches()).extracting(LintBreach::threshold)
            .containsExactly("total", "severity error", "linter errcheck");
        assertThat(evaluation.breaches().get(0).offenders()).containsExactly(UNCHECKED_CLOSE, UNUSED_PARAM, DEAD_VALUE);
        assertThat(evaluation.breaches().get(1).offenders()).containsExactly(UNCHECKED_CLOSE, DEAD_VALUE);
        assertThat(evaluation.breaches().get(2).offenders()).containsExactly(UNCHECKED_CLOSE);
        assertThat(evaluation.breaches().get(1).describe()).isEqualTo("severity error: 2 findings, at most 1 allowed");
    }

    @Test
    void zeroFindingsPassAZeroLimit() {
        LintEvaluation evaluation = LintGate.evaluate(Fixtures.parse("golangci-lint-warnings-only.json"), Optional.empty(),
            LintThresholds.none().withMaxTotal(0));

        assertThat(evaluation.breached()).isFalse();
    }

    @Test
    void withABaselineOnlyNewFindingsCountEvenWhenLinesMoved() {
        Finding movedClose = new Finding("store/file.go", 99, 15, "errcheck", Severity.ERROR, UNCHECKED_CLOSE.message());
        LintReport baseline = golangci(UNCHECKED_CLOSE, UNUSED_PARAM);
        LintReport current = golangci(movedClose, DEAD_VALUE);

        LintEvaluation evaluation = LintGate.evaluate(current, Optional.of(baseline), LintThresholds.none().withMaxTotal(0));

        assertThat(evaluation.newOnly()).isTrue();
        assertThat(evaluation.counted()).containsExactly(DEAD_VALUE);
        assertThat(evaluation.breaches()).singleElement().satisfies(breach -> assertThat(breach.offenders()).containsExactly(DEAD_VALUE));
    }

    @Test
    void aFindingRepeatedMoreOftenThanInTheBaselineIsNew() {
        Finding again = new Finding("store/file.go", 50, 3, "errcheck", Severity.ERROR, UNCHECKED_CLOSE.message());

        assertThat(Baseline.newFindings(golangci(UNCHECKED_CLOSE), golangci(UNCHECKED_CLOSE, again))).containsExactly(again);
    }

    @Test
    void aChangedMessageOrFileIsNew() {
        Finding otherFile = new Finding("store/other.go", 23, 15, "errcheck", Severity.ERROR, UNCHECKED_CLOSE.message());
        Finding otherMessage = new Finding("store/file.go", 23, 15, "errcheck", Severity.ERROR, "Error return value of `w.Flush` is not checked");

        assertThat(Baseline.newFindings(golangci(UNCHECKED_CLOSE), golangci(otherFile, otherMessage))).containsExactly(otherFile, otherMessage);
    }

    @Test
    void aBaselineFromAnotherToolIsRefused() {
        LintReport staticcheck = Fixtures.parse("staticcheck.json");
        LintReport golangci = Fixtures.parse("golangci-lint-issues.json");

        assertThatThrownBy(() -> LintGate.evaluate(golangci, Optional.of(staticcheck), LintThresholds.none().withMaxTotal(0)))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("baseline report staticcheck.json was written by staticcheck (staticcheck JSON)")
            .hasMessageContaining("the current report golangci-lint-issues.json by golangci-lint (golangci-lint JSON)")
            .hasMessageContaining("Fix: produce the baseline with the same command");
    }

    @Test
    void aBaselineInAnotherFormatOfTheSameToolIsRefused() {
        assertThatThrownBy(() -> Baseline.newFindings(Fixtures.parse("sarif.json"), Fixtures.parse("golangci-lint-issues.json")))
            .isInstanceOf(LintReportException.class)
            .hasMessageContaining("golangci-lint (SARIF 2.1.0)");
    }

    @Test
    void becomesAGateResultWithTheChosenOutcome() {
        LintEvaluation evaluation = LintGate.evaluate(golangci(UNCHECKED_CLOSE, UNUSED_PARAM, DEAD_VALUE), Optional.empty(),
            LintThresholds.none().withMaxPerSeverity(Severity.ERROR, 0));

        GateResult unstable = LintGate.toGateResult("lint", evaluation, OnBreach.UNSTABLE, 1);
        GateResult failed = LintGate.toGateResult("lint", evaluation, OnBreach.FAILED, 5);

        assertThat(unstable.outcome()).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(failed.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(unstable.measured()).isEqualTo("3 findings (2 error, 1 warning)");
        assertThat(unstable.limit()).isEqualTo("error <= 0");
        assertThat(unstable.offenders()).containsExactly(UNCHECKED_CLOSE.describe());
        assertThat(failed.offenders()).containsExactly(UNCHECKED_CLOSE.describe(), DEAD_VALUE.describe());
        assertThat(failed.breaches()).containsExactly("severity error: 2 findings, at most 0 allowed");
    }

    @Test
    void aPassingEvaluationPassesWhateverTheBreachOutcome() {
        LintEvaluation evaluation = LintGate.evaluate(golangci(), Optional.empty(), LintThresholds.none().withMaxTotal(0));

        assertThat(LintGate.toGateResult("lint", evaluation, OnBreach.FAILED, 5).outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void negativeLimitsAreRefused() {
        assertThatThrownBy(() -> LintThresholds.none().withMaxTotal(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsToolLevelsToSeverities() {
        assertThat(Severity.fromToolLevel("")).isEqualTo(Severity.ERROR);
        assertThat(Severity.fromToolLevel("Warning")).isEqualTo(Severity.WARNING);
        assertThat(Severity.fromToolLevel("note")).isEqualTo(Severity.INFO);
        assertThat(Severity.fromToolLevel("blocker")).isEqualTo(Severity.ERROR);
        assertThat(Severity.parse(" WARNING ")).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> Severity.parse("fatal")).hasMessageContaining("use one of: error, warning, info");
    }
}
