package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LdflagsVarTest {

    private static final BuildFacts FACTS = new BuildFacts("0123456789abcdef0123456789abcdef01234567", "release/1.x",
        Instant.parse("2026-10-01T12:00:00.123456Z"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main.version={{.Version}}                              | main                                 | version",
        "github.com/prometheus/common/version.Revision=x        | github.com/prometheus/common/version | Revision",
        "gopkg.in/yaml.v3.Build=x                               | gopkg.in/yaml.v3                     | Build",
        "example.com/svc/internal/build.Ünïcode_1=x             | example.com/svc/internal/build       | Ünïcode_1"})
    void theVariableIsSplitAtTheLastDot(String given, String packagePath, String name) {
        LdflagsVar variable = LdflagsVar.parse(given);

        assertThat(variable.packagePath()).isEqualTo(packagePath);
        assertThat(variable.name()).isEqualTo(name);
        assertThat(variable.variable()).isEqualTo(packagePath + "." + name);
    }

    @Test
    void eachFactIsRenderedWithTheLiteralTextAroundIt() {
        LdflagsVar variable = LdflagsVar.parse("main.info=v{{.Version}} ({{ .ShortRevision }}, {{.Branch}}) built {{.Date}} from {{.Revision}}");

        assertThat(variable.value("1.2.3", FACTS)).isEqualTo(
            "v1.2.3 (0123456, release/1.x) built 2026-10-01T12:00:00Z from 0123456789abcdef0123456789abcdef01234567");
        assertThat(variable.usesVersion()).isTrue();
        assertThat(LdflagsVar.parse("main.commit={{.Revision}}").usesVersion()).isFalse();
    }

    @Test
    void anEqualsSignInTheValueIsText() {
        assertThat(LdflagsVar.parse("main.flags=a=b {{.Branch}}").value("1", FACTS)).isEqualTo("a=b release/1.x");
    }

    @Test
    void anUnknownRevisionStaysUnknownWhenShortened() {
        assertThat(LdflagsVar.parse("main.c={{.ShortRevision}}").value("1", BuildFacts.UNKNOWN)).isEqualTo(BuildFacts.UNKNOWN_REVISION);
    }

    @Test
    void withoutAnEqualsSignTheFormIsExplained() {
        assertThatThrownBy(() -> LdflagsVar.parse("main.version"))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("invalid {@ldflagsVars} 'main.version'");
                assertThat(e.reason()).contains("no '='");
                assertThat(e.remedy()).contains("PKG.NAME=TEMPLATE");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"version={{.Version}}", ".version=x", "main.=x", "github.com/acme/.Version=x", "/abs.V=x", "a//b.V=x",
        "a b.V=x", "a'b.V=x", "a\"b.V=x", "a$b.V=x", "../up.V=x", "=x"})
    void aMalformedVariableIsNotPkgDotName(String given) {
        assertThatThrownBy(() -> LdflagsVar.parse(given))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).startsWith("invalid {@ldflagsVars} '");
                assertThat(e.reason()).contains("is not PKG.NAME");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"main.1st=x", "main.my-var=x", "main.func=x", "main.ver$ion=x"})
    void aNameThatIsNoGoIdentifierIsRefused(String given) {
        assertThatThrownBy(() -> LdflagsVar.parse(given))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.reason()).contains("is not a Go identifier"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "main.v={{.Commit}}        | unknown placeholder '{{.Commit}}'",
        "main.v={{Version}}        | unknown placeholder '{{Version}}'",
        "main.v={{.Version         | is not closed",
        "main.v=x}}                | without an opening"})
    void aTemplateWithAnythingButTheFactsIsRefusedNamingTheOption(String given, String reason) {
        assertThatThrownBy(() -> LdflagsVar.parse(given))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("invalid {@ldflagsVars} '" + given + "'");
                assertThat(e.reason()).contains(reason);
                assertThat(e.remedy()).contains("{{.Version}}").contains("{{.ShortRevision}}").contains("{{.Date}}");
            });
    }

    @Test
    void aVariableGivenTwiceIsRefused() {
        assertThatThrownBy(() -> LdflagsVar.parseAll(List.of("main.commit={{.Revision}}", "main.date={{.Date}}", "main.commit=x")))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).isEqualTo("{@ldflagsVars} sets main.commit twice"));
        assertThat(LdflagsVar.parseAll(List.of("main.commit={{.Revision}}", "main.date={{.Date}}"))).extracting(LdflagsVar::variable)
            .containsExactly("main.commit", "main.date");
    }
}
