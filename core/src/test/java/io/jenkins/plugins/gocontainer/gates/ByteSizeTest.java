package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource(delimiter = '|', value = {
        "0            | 0",
        "104857600    | 104857600",
        "512B         | 512",
        "512 bytes    | 512",
        "1kB          | 1000",
        "1KB          | 1000",
        "1kb          | 1000",
        "1KiB         | 1024",
        "1kib         | 1024",
        "25MB         | 25000000",
        "24MiB        | 25165824",
        "1.5 GB       | 1500000000",
        "1.5GiB       | 1610612736",
        "'  2 TB  '   | 2000000000000",
        "1TiB         | 1099511627776",
        "0.5MiB       | 524288",
        ".5 MB        | 500000",
        "1.0005kB     | 1001",
    })
    void parsesDecimalAndBinaryNotations(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25XB", "25 megabytes", "MB", "", "1,5GB", "25MB25", "1e6"})
    void refusesUnknownNotationsNamingTheInputAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
            .isInstanceOf(GocbException.class)
            .hasMessageStartingWith("invalid size '" + text + "'")
            .hasMessageContaining("KiB, MiB, GiB, TiB (powers of 1024")
            .hasMessageContaining("kB/KB, MB, GB, TB");
    }

    @Test
    void namesTheUnknownUnit() {
        assertThatThrownBy(() -> ByteSize.parse("25 XB")).hasMessageContaining("'XB' is not a size unit");
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> ByteSize.parse("-5MB"))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("invalid size '-5MB': a size cannot be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25M", "25m", "1G", "10k"})
    void refusesSingleLetterUnitsAsAmbiguous(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
            .hasMessageContaining("is ambiguous")
            .hasMessageContaining("B for powers of 1000")
            .hasMessageContaining("iB for powers of 1024");
    }

    @Test
    void refusesSizesBeyondALong() {
        assertThatThrownBy(() -> ByteSize.parse("9999999999 TiB")).hasMessageContaining("larger than any image can be");
    }

    @ParameterizedTest(name = "{0} bytes = {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "0          | 0 B      | 0 B",
        "999        | 999 B    | 999 B",
        "1000       | 1 kB     | 1000 B",
        "1024       | 1 kB     | 1 KiB",
        "1536       | 1.5 kB   | 1.5 KiB",
        "25000000   | 25 MB    | 23.8 MiB",
        "25165824   | 25.2 MB  | 24 MiB",
        "1610612736 | 1.6 GB   | 1.5 GiB",
    })
    void formatsForHumans(long bytes, String decimal, String binary) {
        ByteSize size = new ByteSize(bytes);

        assertThat(size.toDecimalString()).isEqualTo(decimal);
        assertThat(size.toBinaryString()).isEqualTo(binary);
    }

    @Test
    void toStringKeepsTheExactByteCount() {
        assertThat(new ByteSize(24_312_345).toString()).isEqualTo("24.3 MB (24,312,345 bytes)");
    }

    @Test
    void formattingThenParsingRoundTripsWithinTheDisplayedPrecision() {
        long bytes = 123_456_789;
        long reparsed = ByteSize.parse(new ByteSize(bytes).toDecimalString()).bytes();

        assertThat(Math.abs(reparsed - bytes)).isLessThanOrEqualTo(50_000);
    }
}
