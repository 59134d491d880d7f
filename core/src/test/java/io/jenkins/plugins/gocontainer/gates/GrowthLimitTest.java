package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowthLimitTest {

    @Test
    void allowsUpToThePercentageAndNoMore() {
        GrowthLimit limit = GrowthLimit.parse("10%");

        assertThat(limit.maxAllowed(20_000_000)).isEqualTo(22_000_000);
        assertThat(limit.allows(20_000_000, 22_000_000)).isTrue();
        assertThat(limit.allows(20_000_000, 22_000_001)).isFalse();
        assertThat(limit.allows(20_000_000, 5)).as("shrinking is always fine").isTrue();
    }

    @Test
    void roundsTheAllowanceDown() {
        assertThat(GrowthLimit.parse("2.5 %").maxAllowed(999)).isEqualTo(1023);
    }

    @Test
    void zeroPercentAllowsNoGrowth() {
        GrowthLimit limit = GrowthLimit.parse("0%");

        assertThat(limit.allows(100, 100)).isTrue();
        assertThat(limit.allows(100, 101)).isFalse();
    }

    @Test
    void measuresGrowth() {
        assertThat(GrowthLimit.growthPercent(200, 225)).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(GrowthLimit.growthPercent(200, 150)).isEqualByComparingTo(new BigDecimal("-25"));
        assertThat(GrowthLimit.growthPercent(0, 150)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-10%  | cannot be negative",
        "10    | the % sign is missing",
        "ten%  | not a percentage",
    })
    void refusesWhatIsNotANonNegativePercentage(String text, String why) {
        assertThatThrownBy(() -> GrowthLimit.parse(text))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("invalid growth limit '" + text + "'")
            .hasMessageContaining(why)
            .hasMessageContaining("such as 10% or 2.5%");
    }
}
