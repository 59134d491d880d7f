package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy beyond metadata-action's own vectors: the default policy, what gocb cleans up and what it refuses. */
class TagPolicyTest {

    private static final String SHA = "860c1904a1ce19322e91ac35af1ab07466440c37";

    private static PolicyResult evaluate(List<String> rules, Flavor flavor, BuildRef ref) {
        return TagPolicy.of(rules, flavor).evaluate(new TagInputs(SHA, ref, Optional.of("main")));
    }

    private static PolicyResult evaluate(List<String> rules, BuildRef ref) {
        return evaluate(rules, Flavor.defaults(), ref);
    }

    @Test
    void defaultPolicyOnAReleaseTagOfABranchBuild() {
        PolicyResult result = evaluate(List.of(), BuildRef.of("main", "v1.2.3", null));

        assertThat(result.tags()).containsExactly("1.2.3", "1.2", "1", "main", "sha-860c190", "latest");
    }

    @Test
    void defaultPolicyOnAnUntaggedBranchHasNoSemverTagsAndNoLatest() {
        assertThat(evaluate(List.of(), BuildRef.branch("feature/Foo#12")).tags()).containsExactly("feature-Foo-12", "sha-860c190");
    }

    @Test
    void defaultPolicyOnAPullRequestTagsOnlyTheCommit() {
        assertThat(evaluate(List.of(), BuildRef.pullRequest("12")).tags()).containsExactly("sha-860c190");
    }

    @Test
    void defaultPolicyOnAPrereleaseTagsOnlyTheFullVersion() {
        assertThat(evaluate(List.of(), BuildRef.tag("v2.0.8-beta.67")).tags()).containsExactly("2.0.8-beta.67", "sha-860c190");
    }

    @Test
    void versionDropsTheLeadingVAndRawKeepsIt() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{version}}", "type=semver,pattern={{raw}}"), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("1.2.3", "v1.2.3", "latest");
    }

    @Test
    void patternsMayHoldLiteralText() {
        // metadata-action README: v1.2.3 with pattern v{{major}} gives v1; {{minor}} gives 2; {{patch}} gives 3.
        PolicyResult result = evaluate(List.of("type=semver,pattern=v{{major}}", "type=semver,pattern={{minor}}", "type=semver,pattern={{patch}}"),
            Flavor.defaults().withLatest(Flavor.Latest.FALSE), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("v1", "2", "3");
    }

    @Test
    void rawOfAVersionWithBuildMetadataHasItsPlusReplaced() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{raw}}", "type=semver,pattern={{version}}"), BuildRef.tag("v1.0.0+build.7"));

        assertThat(result.tags()).containsExactly("v1.0.0-build.7", "1.0.0", "latest");
    }

    @Test
    void aNonSemverTagMakesNoSemverTagsAndSaysSo() {
        PolicyResult result = evaluate(List.of(), BuildRef.tag("release1"));

        assertThat(result.tags()).containsExactly("sha-860c190");
        assertThat(result.notes()).singleElement().asString().contains("'release1' is not a semantic version");
    }

    @Test
    void latestAutoFollowsTheHighestPriorityRuleThatMadeATag() {
        // The sha rule comes first, so latest is not added even though a release semver tag follows.
        PolicyResult shaFirst = evaluate(List.of("type=sha,priority=1000", "type=semver,pattern={{version}}"), BuildRef.tag("v1.2.3"));
        PolicyResult semverFirst = evaluate(List.of("type=sha", "type=semver,pattern={{version}}"), BuildRef.tag("v1.2.3"));

        assertThat(shaFirst.tags()).containsExactly("sha-860c190", "1.2.3");
        assertThat(semverFirst.tags()).containsExactly("1.2.3", "sha-860c190", "latest");
    }

    @ParameterizedTest(name = "latest={0}")
    @CsvSource({"auto, false", "true, true", "false, false"})
    void latestOnABranch(String latest, boolean expected) {
        PolicyResult result = evaluate(List.of("type=ref,event=branch"), Flavor.defaults().withLatest(Flavor.Latest.parse(latest)), BuildRef.branch("main"));

        assertThat(result.tags().contains("latest")).isEqualTo(expected);
    }

    @Test
    void latestFalseOnARelease() {
        PolicyResult result = evaluate(List.of(), Flavor.defaults().withLatest(Flavor.Latest.FALSE), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("1.2.3", "1.2", "1", "sha-860c190");
    }

    @Test
    void globalPrefixAndSuffixApplyToLatestOnlyWhenAsked() {
        Flavor flavor = Flavor.defaults().withPrefix("alpine-", false).withSuffix("-fips", true);

        PolicyResult result = evaluate(List.of("type=semver,pattern={{version}}"), flavor, BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("alpine-1.2.3-fips", "latest-fips");
    }

    @Test
    void aRulesOwnPrefixReplacesTheGlobalOneEvenWhenEmpty() {
        Flavor flavor = Flavor.defaults().withPrefix("glo-", false);

        PolicyResult result = evaluate(List.of("type=sha,prefix=", "type=raw,value=x,prefix=own-", "type=raw,value=y"), flavor, BuildRef.none());

        assertThat(result.tags()).containsExactly("own-x", "glo-y", "860c190");
    }

    @Test
    void duplicatesAreRemovedKeepingTheFirst() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{version}}", "type=raw,value=1.2.3", "type=raw,value=latest"), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("1.2.3", "latest");
    }

    @Test
    void disabledRulesMakeNothing() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{version}},enable=false", "type=sha"), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("sha-860c190");
    }

    @Test
    void expressionsExpandToCleanedUpNames() {
        PolicyResult result = evaluate(List.of("type=raw,value={{branch}}-{{sha}}", "type=sha,prefix={{branch}}-"), BuildRef.branch("feature/x"));

        assertThat(result.tags()).containsExactly("feature-x-860c190");
    }

    @Test
    void aLongBranchIsCutSoThatPrefixAndSuffixStillFit() {
        String branch = "feature/" + "b".repeat(200);

        PolicyResult result = evaluate(List.of("type=ref,event=branch,prefix=br-,suffix=-x"), BuildRef.branch(branch));

        assertThat(result.tags()).singleElement().satisfies(tag -> {
            assertThat(tag).hasSize(128).startsWith("br-feature-bbb").endsWith("b-x");
            assertThat(DockerTag.isValid(tag)).isTrue();
        });
    }

    @Test
    void aBranchNameWithNothingUsableMakesNoTagAndSaysSo() {
        PolicyResult result = evaluate(List.of("type=ref,event=branch", "type=sha"), BuildRef.branch("###"));

        assertThat(result.tags()).containsExactly("sha-860c190");
        assertThat(result.notes()).singleElement().asString().contains("'###'");
    }

    @Test
    void edgeAssumesMainAndSaysSoWhenTheDefaultBranchIsUnknown() {
        PolicyResult result = TagPolicy.of(List.of("type=edge"), Flavor.defaults()).evaluate(new TagInputs(SHA, BuildRef.branch("main"), Optional.empty()));

        assertThat(result.tags()).containsExactly("edge");
        assertThat(result.notes()).singleElement().asString().contains("'main' is assumed").contains("type=edge,branch=NAME");
    }

    @Test
    void matchThatDoesNotMatchKeepsTheWholeTagAndSaysSo() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{version}},match=^svc/(.*)$"), BuildRef.tag("v1.2.3"));

        assertThat(result.tags()).containsExactly("1.2.3", "latest");
        assertThat(result.notes()).singleElement().asString().contains("does not match 'v1.2.3'");
    }

    @Test
    void matchPicksTheVersionOutOfAMonorepoTag() {
        PolicyResult result = evaluate(List.of("type=semver,pattern={{major}}.{{minor}},match=^hello/(v.*)$"), BuildRef.tag("hello/v1.4.2"));

        assertThat(result.tags()).containsExactly("1.4", "latest");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "type=raw,value=feature/x            | feature/x     | it contains '/'",
        "type=raw,value=.hidden              | .hidden       | it starts with '.'",
        "type=sha,prefix=-                   | -860c190      | it starts with '-'",
        "type=sha,prefix=a+b-                | a+b-860c190   | it contains '+'"})
    void anInvalidTagIsAnErrorNamingTheTagAndTheRule(String rule, String tag, String problem) {
        assertThatThrownBy(() -> evaluate(List.of(rule), BuildRef.none()))
            .isInstanceOfSatisfying(InvalidDockerTagException.class, e -> {
                assertThat(e.tag()).isEqualTo(tag);
                assertThat(e.rule()).isEqualTo(rule);
            })
            .hasMessageStartingWith("invalid image tag '" + tag + "' from rule '" + rule + "': " + problem)
            .hasMessageContaining("Fix: ");
    }

    @Test
    void aTooLongTagIsAnErrorNamingItsLength() {
        String value = "x".repeat(129);

        assertThatThrownBy(() -> evaluate(List.of("type=raw,value=" + value), BuildRef.none()))
            .isInstanceOf(InvalidDockerTagException.class)
            .hasMessageContaining("it is 129 characters long; the limit is 128");
    }

    @Test
    void anInvalidLatestTagNamesTheFlavor() {
        Flavor flavor = Flavor.defaults().withPrefix("-", true);

        assertThatThrownBy(() -> evaluate(List.of("type=ref,event=tag,prefix="), flavor, BuildRef.tag("v1")))
            .isInstanceOf(InvalidDockerTagException.class)
            .hasMessageContaining("invalid image tag '-latest' from rule 'latest=auto'");
    }

    @Test
    void rulesAreOrderedByPriorityKeepingTheGivenOrderForEqualOnes() {
        TagPolicy policy = TagPolicy.of(List.of("type=sha", "type=raw,value=b", "type=raw,value=a", "type=semver,pattern={{version}}", "type=edge"),
            Flavor.defaults());

        assertThat(policy.rules()).extracting(TagRule::text)
            .containsExactly("type=semver,pattern={{version}}", "type=edge", "type=raw,value=b", "type=raw,value=a", "type=sha");
    }
}
