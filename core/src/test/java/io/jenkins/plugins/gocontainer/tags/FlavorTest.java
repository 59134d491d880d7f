package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vectors of metadata-action's __tests__/flavor.test.ts. */
class FlavorTest {

    @Test
    void defaultsToLatestAutoWithoutPrefixOrSuffix() {
        assertThat(Flavor.parse(List.of())).isEqualTo(new Flavor(Flavor.Latest.AUTO, "", false, "", false)).isEqualTo(Flavor.defaults());
    }

    @Test
    void parsesLatestPrefixAndSuffix() {
        assertThat(Flavor.parse(List.of("latest=true")).latest()).isEqualTo(Flavor.Latest.TRUE);
        assertThat(Flavor.parse(List.of("latest=false")).latest()).isEqualTo(Flavor.Latest.FALSE);
        assertThat(Flavor.parse(List.of("latest=false", "prefix=dev-", "suffix=-alpine")))
            .isEqualTo(new Flavor(Flavor.Latest.FALSE, "dev-", false, "-alpine", false));
    }

    @Test
    void onlatestAppliesToThePrefixOrSuffixOnItsLine() {
        assertThat(Flavor.parse(List.of("prefix=dev-,onlatest=true"))).isEqualTo(new Flavor(Flavor.Latest.AUTO, "dev-", true, "", false));
        assertThat(Flavor.parse(List.of("suffix=-alpine,onlatest=true"))).isEqualTo(new Flavor(Flavor.Latest.AUTO, "", false, "-alpine", true));
        assertThat(Flavor.parse(List.of("prefix=dev-,onlatest=true", "suffix=-alpine,onlatest=true")))
            .isEqualTo(new Flavor(Flavor.Latest.AUTO, "dev-", true, "-alpine", true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"randomstr", "unknwown=foo", "latest", "latest=foo", "prefix=x,onlatest=maybe"})
    void rejectsInvalidEntries(String line) {
        assertThatThrownBy(() -> Flavor.parse(List.of(line))).isInstanceOf(InvalidTagRuleException.class).hasMessageContaining(line);
    }

    @Test
    void aGlobalPrefixWithAnUnknownPlaceholderIsRejected() {
        assertThatThrownBy(() -> Flavor.defaults().withPrefix("{{date}}-", false))
            .isInstanceOf(InvalidTagRuleException.class)
            .hasMessageStartingWith("invalid flavor setting 'prefix={{date}}-': unknown placeholder '{{date}}'");
    }

    @Test
    void latestIsParsedCaseInsensitively() {
        assertThat(Flavor.Latest.parse("AUTO")).isEqualTo(Flavor.Latest.AUTO);
        assertThatThrownBy(() -> Flavor.Latest.parse("sometimes")).isInstanceOf(InvalidTagRuleException.class)
            .hasMessageContaining("latest must be auto, true or false");
    }
}
