package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizeGateTest {

    private static ImageSize.LayerSize layer(int index, long compressed, long uncompressed, String step) {
        return new ImageSize.LayerSize(index, "sha256:" + String.valueOf((char) ('a' + index)).repeat(64),
            "application/vnd.oci.image.layer.v1.tar+gzip", compressed, OptionalLong.of(uncompressed), step);
    }

    private static ImageSize.PlatformSize platform(String name, ImageSize.LayerSize... layers) {
        long compressed = 500; // config
        long uncompressed = 0;
        for (ImageSize.LayerSize l : layers) {
            compressed += l.compressedSize();
            uncompressed += l.uncompressedSize().getAsLong();
        }
        return new ImageSize.PlatformSize(name, "sha256:" + "0".repeat(64), compressed, OptionalLong.of(uncompressed), List.of(layers));
    }

    private static ImageSize image(ImageSize.PlatformSize... platforms) {
        return new ImageSize("test/image:1", "sha256:" + "1".repeat(64), List.of(platforms), List.of());
    }

    private static final ImageSize SMALL = image(platform("linux/amd64",
        layer(0, 100_000, 250_000, "COPY /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt # buildkit"),
        layer(1, 4_000_000, 9_000_000, "COPY /out/hello /hello # buildkit"),
        layer(2, 1_000, 3_000, "COPY /out/passwd /etc/passwd # buildkit")));

    @Test
    void passesUnderTheLimitAndFailsOverIt() {
        long compressed = SMALL.platforms().get(0).compressed();
        GateResult pass = SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.max(new ByteSize(compressed)), OnBreach.FAILED, 3);
        GateResult fail = SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.max(new ByteSize(compressed - 1)), OnBreach.FAILED, 3);

        assertThat(pass.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(pass.breaches()).isEmpty();
        assertThat(pass.name()).isEqualTo("image size");
        assertThat(fail.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(fail.breaches()).singleElement().asString().contains("exceeds").contains(new ByteSize(compressed - 1).toString());
        assertThat(fail.measured()).contains(new ByteSize(compressed).toString()).startsWith("compressed");
        assertThat(fail.limit()).contains(new ByteSize(compressed - 1).toString());
    }

    @Test
    void breachOutcomeFollowsTheUsersChoice() {
        GateResult result = SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.max(ByteSize.parse("1MB")), OnBreach.UNSTABLE, 3);
        assertThat(result.outcome()).isEqualTo(GateOutcome.UNSTABLE);
    }

    @Test
    void offendersAreTheLargestLayersWithTheirSteps() {
        GateResult result = SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.max(ByteSize.parse("1MB")), OnBreach.FAILED, 2);
        assertThat(result.offenders()).hasSize(2);
        assertThat(result.offenders().get(0)).contains("COPY /out/hello /hello").contains("4 MB").contains("sha256:bbbbbbbbbbbb");
        assertThat(result.offenders().get(1)).contains("ca-certificates");
    }

    @Test
    void uncompressedBasisUsesUnpackedSizes() {
        SizeGate.Limits limits = SizeGate.Limits.max(ByteSize.parse("5MB")).on(SizeGate.Basis.UNCOMPRESSED);
        GateResult uncompressed = SizeGate.evaluate(SMALL, Optional.empty(), limits, OnBreach.FAILED, 1);
        GateResult compressed = SizeGate.evaluate(SMALL, Optional.empty(), limits.on(SizeGate.Basis.COMPRESSED), OnBreach.FAILED, 1);

        assertThat(uncompressed.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(uncompressed.measured()).startsWith("uncompressed").contains(new ByteSize(9_253_000).toString());
        assertThat(uncompressed.offenders().get(0)).contains("9 MB");
        assertThat(compressed.outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void unknownUncompressedSizeIsAClearError() {
        ImageSize zstd = new ImageSize("z:1", "sha256:" + "2".repeat(64), List.of(new ImageSize.PlatformSize("linux/amd64",
            "sha256:" + "3".repeat(64), 1000, OptionalLong.empty(), List.of())), List.of("layer sha256:x is zstd-compressed"));
        SizeGate.Limits limits = SizeGate.Limits.max(ByteSize.parse("1MB")).on(SizeGate.Basis.UNCOMPRESSED);
        assertThatThrownBy(() -> SizeGate.evaluate(zstd, Optional.empty(), limits, OnBreach.FAILED, 1))
            .isInstanceOf(GocbException.class).hasMessageContaining("zstd").hasMessageContaining("compressed size");
        assertThat(SizeGate.evaluate(zstd, Optional.empty(), limits.on(SizeGate.Basis.COMPRESSED), OnBreach.FAILED, 1).outcome())
            .isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void perPlatformLimitsOverrideTheGeneralOne() {
        ImageSize multi = image(
            platform("linux/amd64", layer(0, 6_000_000, 12_000_000, "COPY amd64")),
            platform("linux/arm64", layer(0, 5_000_000, 11_000_000, "COPY arm64")));
        SizeGate.Limits limits = SizeGate.Limits.max(ByteSize.parse("10MB")).withPlatformMax("linux/arm64", ByteSize.parse("4MB"));

        GateResult result = SizeGate.evaluate(multi, Optional.empty(), limits, OnBreach.FAILED, 5);

        assertThat(result.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(result.breaches()).singleElement().asString().startsWith("linux/arm64:");
        assertThat(result.measured()).contains("linux/amd64: 6 MB").contains("linux/arm64: 5 MB");
        assertThat(result.offenders()).singleElement().asString().startsWith("linux/arm64").contains("COPY arm64");
        assertThat(result.limit()).contains("linux/arm64 compressed <= 4 MB");
    }

    @Test
    void aLimitForAMissingPlatformIsABreach() {
        GateResult result = SizeGate.evaluate(SMALL, Optional.empty(),
            SizeGate.Limits.none().withPlatformMax("linux/s390x", ByteSize.parse("1GB")), OnBreach.FAILED, 1);
        assertThat(result.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(result.breaches()).singleElement().asString().contains("no linux/s390x image").contains("linux/amd64");
    }

    @Test
    void growthAgainstTheBaseline() {
        ImageSize baseline = image(platform("linux/amd64", layer(0, 4_000_000, 8_000_000, "COPY old")));
        ImageSize grown = image(platform("linux/amd64", layer(0, 4_500_000, 9_000_000, "COPY new")));
        SizeGate.Limits tenPercent = SizeGate.Limits.none().withGrowth(GrowthLimit.parse("10%"));
        SizeGate.Limits fifteenPercent = SizeGate.Limits.none().withGrowth(GrowthLimit.parse("15%"));

        GateResult failed = SizeGate.evaluate(grown, Optional.of(baseline), tenPercent, OnBreach.FAILED, 1);
        GateResult passed = SizeGate.evaluate(grown, Optional.of(baseline), fifteenPercent, OnBreach.FAILED, 1);

        // (4,500,500 - 4,000,500) / 4,000,500 = 12.5%
        assertThat(failed.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(failed.breaches()).singleElement().asString().contains("+12.5%").contains("10%");
        assertThat(failed.measured()).contains("+12.5% vs baseline");
        assertThat(failed.limit()).contains("growth <= 10%").contains("test/image:1");
        assertThat(passed.outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void growthNeedsABaseline() {
        assertThatThrownBy(() -> SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.none().withGrowth(GrowthLimit.parse("5%")),
            OnBreach.FAILED, 1)).isInstanceOf(GocbException.class).hasMessageContaining("baseline");
    }

    @Test
    void noLimitsOnlyMeasures() {
        GateResult result = SizeGate.evaluate(SMALL, Optional.empty(), SizeGate.Limits.none(), OnBreach.FAILED, 1);
        assertThat(result.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(result.limit()).isEqualTo("none");
        assertThat(result.offenders()).singleElement().asString().contains("/hello");
    }
}
