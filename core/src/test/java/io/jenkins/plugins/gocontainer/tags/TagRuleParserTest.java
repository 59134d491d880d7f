package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule parsing; the accepted forms and defaults are those of metadata-action's __tests__/tag.test.ts and README. */
class TagRuleParserTest {

    @Test
    void semverRuleKeepsItsPatternAndHasPriority900() {
        TagRule rule = TagRuleParser.parse("type=semver,pattern={{version}}");

        assertThat(rule).isEqualTo(new TagRule.Semver(
            new TagRule.Options("type=semver,pattern={{version}}", 900, true, Optional.empty(), Optional.empty()),
            "{{version}}", Optional.empty(), Optional.empty()));
    }

    @Test
    void semverRuleTakesAValueAndAQuotedMatchHoldingAComma() {
        TagRule.Semver rule = (TagRule.Semver) TagRuleParser.parse("type=semver,priority=1,enable=true,pattern={{version}},value=p1/v1.0.0,\"match=v(\\d{1,3}.\\d.\\d)$\"");

        assertThat(rule.options().priority()).isEqualTo(1);
        assertThat(rule.value()).contains("p1/v1.0.0");
        assertThat(rule.match()).contains("v(\\d{1,3}.\\d.\\d)$");
    }

    @Test
    void shaRuleDefaultsToShortWithPrefixShaDashAndPriority100() {
        TagRule.Sha sha = (TagRule.Sha) TagRuleParser.parse("type=sha");
        TagRule.Sha longSha = (TagRule.Sha) TagRuleParser.parse("type=sha,format=long,prefix=");

        assertThat(sha.longFormat()).isFalse();
        assertThat(sha.options().prefix()).contains("sha-");
        assertThat(sha.options().priority()).isEqualTo(100);
        assertThat(longSha.longFormat()).isTrue();
        assertThat(longSha.options().prefix()).contains("");
    }

    @Test
    void refRulesHavePriority600AndPullRequestsThePrefixPrDash() {
        TagRule.Ref branch = (TagRule.Ref) TagRuleParser.parse("type=ref,event=branch");
        TagRule.Ref tag = (TagRule.Ref) TagRuleParser.parse("type=ref,event=tag");
        TagRule.Ref pr = (TagRule.Ref) TagRuleParser.parse("type=ref,event=pr");

        assertThat(branch.event()).isEqualTo(TagRule.RefEvent.BRANCH);
        assertThat(branch.options().prefix()).isEmpty();
        assertThat(tag.event()).isEqualTo(TagRule.RefEvent.TAG);
        assertThat(pr.event()).isEqualTo(TagRule.RefEvent.PR);
        assertThat(pr.options().prefix()).contains("pr-");
        assertThat(pr.options().priority()).isEqualTo(600);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"type=branch, BRANCH", "type=tag, TAG", "type=pr, PR"})
    void shortRefTypesAreAliases(String text, TagRule.RefEvent event) {
        assertThat(((TagRule.Ref) TagRuleParser.parse(text)).event()).isEqualTo(event);
    }

    @Test
    void aFieldWithoutKeyIsTheValueAndALineWithoutTypeIsRaw() {
        TagRule.Raw bare = (TagRule.Raw) TagRuleParser.parse("acustomtag");
        TagRule.Raw positional = (TagRule.Raw) TagRuleParser.parse("type=raw,foo");
        TagRule.Raw disabled = (TagRule.Raw) TagRuleParser.parse("type=raw,enable=false,value=acustomtag5");

        assertThat(bare.value()).isEqualTo("acustomtag");
        assertThat(bare.options().priority()).isEqualTo(200);
        assertThat(positional.value()).isEqualTo("foo");
        assertThat(disabled.options().enabled()).isFalse();
    }

    @Test
    void edgeRuleHasPriority700AndAnOptionalBranch() {
        TagRule.Edge edge = (TagRule.Edge) TagRuleParser.parse("type=edge");
        TagRule.Edge onMaster = (TagRule.Edge) TagRuleParser.parse("type=edge,enable=true,branch=master");

        assertThat(edge.branch()).isEmpty();
        assertThat(edge.options().priority()).isEqualTo(700);
        assertThat(onMaster.branch()).contains("master");
    }

    @Test
    void keysAreCaseInsensitiveAndFieldsTrimmed() {
        TagRule.Sha sha = (TagRule.Sha) TagRuleParser.parse(" TYPE=sha , Format=long ");

        assertThat(sha.longFormat()).isTrue();
    }

    /** The invalid inputs of metadata-action's tag.test.ts, plus gocb's stricter checks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "type=foo                                | unknown rule type 'foo'",
        "type=ref,event=foo                      | unknown ref event 'foo'",
        "type=ref                                | type=ref needs an event",
        "type=raw                                | type=raw needs a value",
        "type=semver                             | type=semver needs a pattern",
        "type=sha,format=foo                     | unknown sha format 'foo'",
        "type=semver,pattern={{foo}}             | invalid semver pattern '{{foo}}': unknown placeholder '{{foo}}'",
        "type=semver,pattern={{major}}.{{minor   | invalid semver pattern '{{major}}.{{minor': '{{' at position 11 is not closed",
        "type=semver,pattern=stable              | invalid semver pattern 'stable': it has no placeholder",
        "type=semver,pattern={{date 'YYYY'}}     | unknown placeholder '{{date 'YYYY'}}'",
        "type=sha,pattern={{version}}            | unknown key 'pattern' for type=sha",
        "type=semver,pattern={{version}},colour=red | unknown key 'colour' for type=semver",
        "type=raw,value=a,value=b                | value is given twice",
        "type=raw,value=x,enable=maybe           | enable must be true or false",
        "type=raw,value=x,priority=high          | priority must be a whole number",
        "type=raw,value={{branch}}-{{build}}     | invalid value '{{branch}}-{{build}}': unknown placeholder '{{build}}'",
        "type=sha,prefix={{sha                   | invalid prefix '{{sha': '{{' at position 1 is not closed",
        "type=semver,pattern={{version}},match=v(  | match is not a valid regular expression",
        "type=pep440,pattern={{version}}         | type=pep440 is a docker/metadata-action rule type that gocb does not support",
        "type=schedule                           | type=schedule is a docker/metadata-action rule type",
        "sha                                     | 'sha' alone is ambiguous",
        "\"type=raw,value=x                      | a double quote is not closed",
        "=x                                      | '=x' has no key before '='"})
    void rejectsBadRulesNamingTheBadPart(String rule, String problem) {
        assertThatThrownBy(() -> TagRuleParser.parse(rule))
            .isInstanceOf(InvalidTagRuleException.class)
            .hasMessageStartingWith("invalid tag rule '" + rule.strip() + "': ")
            .hasMessageContaining(problem)
            .hasMessageContaining("Fix: ");
    }

    @Test
    void anEmptyRuleIsRejected() {
        assertThatThrownBy(() -> TagRuleParser.parse("  ")).isInstanceOf(InvalidTagRuleException.class).hasMessageContaining("the rule is empty");
    }

    @Test
    void blankLinesInAListAreSkipped() {
        assertThat(TagRuleParser.parseAll(java.util.List.of("type=sha", " ", "type=edge"))).hasSize(2);
    }
}
