package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.GocbException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, parsed from what people write: {@code 25MB}, {@code 24MiB}, {@code 1.5 GB},
 * {@code 1048576}. kB/KB/MB/GB/TB are decimal (SI, as Docker and registries print sizes); KiB/MiB/GiB/TiB
 * are binary (IEC). A bare K/M/G is refused because people mean either, and a gate must not guess.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize>, java.io.Serializable {

    private static final Pattern NOTATION = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)\\s*([A-Za-z]*)$");

    private static final String ACCEPTED = "a number of bytes (104857600), or a number with a unit: B, kB/KB, MB, GB, TB "
        + "(powers of 1000, e.g. 25MB, 1.5 GB) or KiB, MiB, GiB, TiB (powers of 1024, e.g. 24MiB)";

    private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static ByteSize parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.startsWith("-")) {
            throw invalid(text, "a size cannot be negative");
        }
        Matcher matcher = NOTATION.matcher(input);
        if (!matcher.matches()) {
            throw invalid(text, input.isEmpty() ? "it is empty" : "it is not a number followed by an optional unit");
        }
        long multiplier = multiplier(text, matcher.group(2));
        BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(multiplier))
            .setScale(0, RoundingMode.HALF_UP);
        try {
            return new ByteSize(value.longValueExact());
        } catch (ArithmeticException e) {
            throw invalid(text, "it is larger than any image can be");
        }
    }

    private static long multiplier(String text, String unit) {
        String lower = unit.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "", "b", "byte", "bytes" -> 1L;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            case "k", "m", "g", "t" -> throw invalid(text, "'" + unit + "' is ambiguous: write " + unit.toUpperCase(Locale.ROOT)
                + "B for powers of 1000 or " + unit.toUpperCase(Locale.ROOT) + "iB for powers of 1024");
            default -> throw invalid(text, "'" + unit + "' is not a size unit");
        };
    }

    private static GocbException invalid(String text, String why) {
        return new InvalidBuildRequestException("invalid size '" + text + "': " + why,
            "sizes are written as a number and a decimal (SI) or binary (IEC) unit",
            "write " + ACCEPTED);
    }

    /** In decimal units as registries and {@code docker images} show them: {@code 24.3 MB}. */
    public String toDecimalString() {
        return format(bytes, 1000, DECIMAL_UNITS);
    }

    /** In binary units: {@code 23.2 MiB}. */
    public String toBinaryString() {
        return format(bytes, 1024, BINARY_UNITS);
    }

    private static String format(long bytes, int base, String[] units) {
        if (bytes < base) {
            return bytes + " B";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = 0;
        while (unit < units.length - 1 && value.compareTo(BigDecimal.valueOf(base)) >= 0) {
            value = value.divide(BigDecimal.valueOf(base));
            unit++;
        }
        BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + units[unit];
    }

    /** Exact and readable: {@code 24.3 MB (24,312,345 bytes)}. */
    @Override
    public String toString() {
        return bytes < 1000 ? bytes + " B" : toDecimalString() + " (" + String.format(Locale.ROOT, "%,d", bytes) + " bytes)";
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }
}
