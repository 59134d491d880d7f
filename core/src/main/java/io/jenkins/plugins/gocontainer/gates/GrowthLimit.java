package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How much a measure may grow against a baseline, written as a percentage: {@code 10%}, {@code 2.5 %}. */
public record GrowthLimit(BigDecimal percent) implements java.io.Serializable {

    private static final Pattern NOTATION = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*%$");

    public GrowthLimit {
        if (percent.signum() < 0) {
            throw new IllegalArgumentException("growth limit cannot be negative: " + percent);
        }
    }

    public static GrowthLimit parse(String text) {
        String input = text == null ? "" : text.strip();
        Matcher matcher = NOTATION.matcher(input);
        if (!matcher.matches()) {
            String why = input.startsWith("-") ? "a growth limit cannot be negative"
                : input.matches("[0-9.]+") ? "the % sign is missing" : "it is not a percentage";
            throw new InvalidBuildRequestException("invalid growth limit '" + text + "': " + why,
                "a growth limit is the share by which the image may exceed its baseline",
                "write a non-negative percentage such as 10% or 2.5%");
        }
        return new GrowthLimit(new BigDecimal(matcher.group(1)));
    }

    /** The largest value allowed, rounded down: a limit must never admit more than it says. */
    public long maxAllowed(long baseline) {
        return new BigDecimal(baseline).multiply(BigDecimal.ONE.add(percent.movePointLeft(2)))
            .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    public boolean allows(long baseline, long current) {
        return current <= maxAllowed(baseline);
    }

    /** Growth from baseline to current in percent, e.g. 12.5; null when the baseline is zero. */
    public static BigDecimal growthPercent(long baseline, long current) {
        if (baseline == 0) {
            return null;
        }
        return BigDecimal.valueOf(current - baseline).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(baseline), new MathContext(10)).setScale(1, RoundingMode.HALF_UP);
    }

    @Override
    public String toString() {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
