package io.jenkins.plugins.gocontainer.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0) as git tags spell it: {@code v1.2.3}, {@code 1.2.3-rc.1+build.5}.
 *
 * <p>Accepts what node-semver's {@code valid()} accepts, which is what docker/metadata-action uses: an
 * optional leading {@code v}, no leading zeros, no missing parts ({@code 1.2} is not a version).
 *
 * @param raw the text as written, {@code v} and build metadata included ({@code {{raw}}})
 */
public record SemanticVersion(long major, long minor, long patch, List<String> prerelease, List<String> build, String raw)
    implements Comparable<SemanticVersion> {

    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRERELEASE_ID = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern GRAMMAR = Pattern.compile(
        "v?(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")"
            + "(?:-(" + PRERELEASE_ID + "(?:\\." + PRERELEASE_ID + ")*))?"
            + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    private static final int MAX_LENGTH = 256;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    public SemanticVersion {
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
        Objects.requireNonNull(raw, "raw");
    }

    public static SemanticVersion of(long major, long minor, long patch, List<String> prerelease) {
        SemanticVersion version = new SemanticVersion(major, minor, patch, prerelease, List.of(), "");
        return new SemanticVersion(major, minor, patch, prerelease, List.of(), version.version());
    }

    /** The version, or empty when the text is not one (a tag like {@code release1} or {@code 1.2}). */
    public static Optional<SemanticVersion> tryParse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher matcher = GRAMMAR.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SemanticVersion(
                Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
                identifiers(matcher.group(4)), identifiers(matcher.group(5)), text));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static List<String> identifiers(String dotted) {
        return dotted == null ? List.of() : List.of(dotted.split("\\."));
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** MAJOR.MINOR.PATCH[-PRERELEASE]: no {@code v}, no build metadata (its {@code +} is not allowed in image tags). */
    public String version() {
        String core = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? core : core + "-" + String.join(".", prerelease);
    }

    /** This version with one more pre-release identifier, e.g. {@code 1.2.3} → {@code 1.2.3-dirty}. */
    public SemanticVersion withPrereleaseIdentifier(String identifier) {
        List<String> identifiers = new ArrayList<>(prerelease);
        identifiers.add(identifier);
        return of(major, minor, patch, identifiers);
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byCore = Comparator.comparingLong(SemanticVersion::major)
            .thenComparingLong(SemanticVersion::minor)
            .thenComparingLong(SemanticVersion::patch)
            .compare(this, other);
        if (byCore != 0) {
            return byCore;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            // A release ranks above its pre-releases.
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            int byIdentifier = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    private static int compareIdentifiers(String left, String right) {
        boolean leftNumeric = DIGITS.matcher(left).matches();
        boolean rightNumeric = DIGITS.matcher(right).matches();
        if (leftNumeric && rightNumeric) {
            return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return left.compareTo(right);
    }

    @Override
    public String toString() {
        return version();
    }
}
