package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The image size gate: limits in bytes on the compressed (default) or uncompressed size, for all
 * platforms or per platform, and an optional growth limit against a baseline image.
 */
public final class SizeGate {

    public static final String NAME = "image size";

    /** Which size the limits apply to. */
    public enum Basis {
        COMPRESSED, UNCOMPRESSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean uncompressed() {
            return this == UNCOMPRESSED;
        }
    }

    /**
     * The limits of the gate.
     *
     * @param max            the limit for every platform without its own
     * @param maxPerPlatform limits for single platforms ({@code linux/arm64}), overriding {@code max}
     * @param maxGrowth      how much each platform may grow against the baseline
     */
    public record Limits(Basis basis, Optional<ByteSize> max, Map<String, ByteSize> maxPerPlatform, Optional<GrowthLimit> maxGrowth) {

        public Limits {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(maxGrowth, "maxGrowth");
            maxPerPlatform = Map.copyOf(new TreeMap<>(maxPerPlatform));
        }

        /** No limits: the gate only measures. */
        public static Limits none() {
            return new Limits(Basis.COMPRESSED, Optional.empty(), Map.of(), Optional.empty());
        }

        /** A limit on the compressed size of every platform. */
        public static Limits max(ByteSize max) {
            return none().withMax(max);
        }

        public Limits withMax(ByteSize value) {
            return new Limits(basis, Optional.of(value), maxPerPlatform, maxGrowth);
        }

        public Limits withPlatformMax(String platform, ByteSize value) {
            Map<String, ByteSize> copy = new LinkedHashMap<>(maxPerPlatform);
            copy.put(platform, value);
            return new Limits(basis, max, copy, maxGrowth);
        }

        public Limits withGrowth(GrowthLimit value) {
            return new Limits(basis, max, maxPerPlatform, Optional.of(value));
        }

        public Limits on(Basis value) {
            return new Limits(value, max, maxPerPlatform, maxGrowth);
        }

        boolean isEmpty() {
            return max.isEmpty() && maxPerPlatform.isEmpty() && maxGrowth.isEmpty();
        }
    }

    private SizeGate() {
    }

    /**
     * Applies the limits to an image measurement.
     *
     * @param baseline     the image to compare growth against (e.g. the previous release); required
     *                     when a growth limit is set
     * @param topOffenders how many of the largest layers (with their Dockerfile steps) to list
     */
    public static GateResult evaluate(ImageSize image, Optional<ImageSize> baseline, Limits limits, OnBreach onBreach, int topOffenders) {
        if (limits.maxGrowth().isPresent() && baseline.isEmpty()) {
            throw new GocbException("a growth limit of " + limits.maxGrowth().get() + " needs a baseline image",
                "growth is measured against a previous image, and none was given",
                "pass the baseline image (e.g. the previous release tag), or drop the growth limit");
        }
        boolean uncompressed = limits.basis().uncompressed();
        List<String> measured = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        Set<String> breachedPlatforms = new java.util.LinkedHashSet<>();
        boolean multi = image.platforms().size() > 1;
        for (ImageSize.PlatformSize platform : image.platforms()) {
            long size = sizeOf(image, platform, limits.basis());
            String prefix = multi ? platform.platform() + ": " : "";
            StringBuilder text = new StringBuilder(prefix).append(new ByteSize(size));
            Optional<ByteSize> limit = Optional.ofNullable(limits.maxPerPlatform().get(platform.platform())).or(limits::max);
            if (limit.isPresent() && size > limit.get().bytes()) {
                breaches.add(prefix + limits.basis().label() + " size " + new ByteSize(size) + " exceeds the limit of " + limit.get()
                    + " by " + new ByteSize(size - limit.get().bytes()).toDecimalString());
                breachedPlatforms.add(platform.platform());
            }
            if (baseline.isPresent()) {
                Optional<ImageSize.PlatformSize> base = counterpart(baseline.get(), platform, multi);
                if (base.isEmpty()) {
                    text.append(" (no baseline for ").append(platform.platform()).append(')');
                } else {
                    long before = sizeOf(baseline.get(), base.get(), limits.basis());
                    BigDecimal growth = GrowthLimit.growthPercent(before, size);
                    text.append(" (").append(growth == null ? "baseline was empty" : signed(growth) + "% vs baseline "
                        + new ByteSize(before).toDecimalString()).append(')');
                    if (limits.maxGrowth().isPresent() && !limits.maxGrowth().get().allows(before, size)) {
                        GrowthLimit max = limits.maxGrowth().get();
                        breaches.add(prefix + limits.basis().label() + " size grew " + (growth == null ? "from nothing" : signed(growth) + "%")
                            + " from " + new ByteSize(before).toDecimalString() + " to " + new ByteSize(size).toDecimalString()
                            + ", more than the " + max + " allowed (at most " + new ByteSize(max.maxAllowed(before)) + ")");
                        breachedPlatforms.add(platform.platform());
                    }
                }
            }
            measured.add(text.toString());
        }
        for (String platform : limits.maxPerPlatform().keySet()) {
            if (image.platform(platform).isEmpty()) {
                breaches.add("no " + platform + " image to check against its limit of " + limits.maxPerPlatform().get(platform)
                    + " (the image has " + image.platforms().stream().map(ImageSize.PlatformSize::platform).collect(Collectors.joining(", ")) + ")");
            }
        }
        List<ImageSize.PlatformSize> shown = image.platforms().stream()
            .filter(p -> breachedPlatforms.isEmpty() || breachedPlatforms.contains(p.platform())).toList();
        List<String> offenders = offenders(shown, uncompressed, multi, topOffenders);
        return new GateResult(NAME, limits.basis().label() + " " + String.join("; ", measured), limitText(limits, baseline),
            breaches.isEmpty() ? GateOutcome.PASSED : onBreach.outcome(), breaches, offenders);
    }

    private static long sizeOf(ImageSize image, ImageSize.PlatformSize platform, Basis basis) {
        OptionalLong size = platform.size(basis.uncompressed());
        if (size.isEmpty()) {
            throw new GocbException("the uncompressed size of " + image.source() + " (" + platform.platform() + ") is unknown"
                + (image.notes().isEmpty() ? "" : ": " + String.join("; ", image.notes())),
                "uncompressed sizes were not measured, or a layer uses a compression gocb cannot unpack (zstd)",
                "gate on the compressed size, or build with gzip layers (the BuildKit default)");
        }
        return size.getAsLong();
    }

    private static Optional<ImageSize.PlatformSize> counterpart(ImageSize baseline, ImageSize.PlatformSize platform, boolean multi) {
        Optional<ImageSize.PlatformSize> same = baseline.platform(platform.platform());
        if (same.isPresent() || multi || baseline.platforms().size() != 1) {
            return same;
        }
        return Optional.of(baseline.platforms().get(0));
    }

    private static List<String> offenders(List<ImageSize.PlatformSize> platforms, boolean uncompressed, boolean multi, int top) {
        record Ranked(ImageSize.PlatformSize platform, ImageSize.LayerSize layer) {
        }
        return platforms.stream()
            .flatMap(platform -> platform.layers().stream().map(layer -> new Ranked(platform, layer)))
            .sorted(Comparator.comparingLong((Ranked r) -> r.layer().size(uncompressed)).reversed())
            .limit(Math.max(0, top))
            .map(r -> (multi ? r.platform().platform() + " " : "") + r.layer().describe(uncompressed))
            .toList();
    }

    private static String limitText(Limits limits, Optional<ImageSize> baseline) {
        if (limits.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        limits.max().ifPresent(max -> parts.add(limits.basis().label() + " <= " + max));
        limits.maxPerPlatform().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(entry -> parts.add(entry.getKey() + " " + limits.basis().label() + " <= " + entry.getValue()));
        limits.maxGrowth().ifPresent(growth -> parts.add("growth <= " + growth + baseline.map(b -> " vs " + b.source()).orElse("")));
        return String.join(", ", parts);
    }

    private static String signed(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString();
    }
}
