package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go version, ordered as the go command orders them (its {@code internal/gover}): {@code 1.9 < 1.10},
 * and from Go 1.21 on a language version sorts before its release candidates, which sort before the
 * first release: {@code 1.21 < 1.21rc1 < 1.21.0 < 1.21.1}. Before 1.21 a missing patch means {@code .0}
 * ({@code 1.20 == 1.20.0}). Pre-releases are {@code alpha}, {@code beta} and {@code rc}, in that order.
 *
 * @param major       e.g. 1
 * @param minor       e.g. 21
 * @param patch       e.g. 3, or {@link #ABSENT} for a language version such as {@code 1.21} or {@code 1.21rc1}
 * @param prerelease  {@code ""}, {@code "alpha"}, {@code "beta"} or {@code "rc"}
 * @param prereleaseNumber e.g. 1 for {@code rc1}, or {@link #ABSENT}
 */
public record GoVersion(int major, int minor, int patch, String prerelease, int prereleaseNumber) implements Comparable<GoVersion> {

    public static final int ABSENT = -1;

    /** The last minor version whose missing patch means {@code .0}; Go 1.21 made {@code 1.21} a version of its own. */
    private static final int LAST_IMPLICIT_PATCH_MINOR = 20;

    private static final Pattern SYNTAX = Pattern.compile("(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*)(?:\\.(0|[1-9]\\d*)|([a-z]+)(0|[1-9]\\d*)?)?)?");

    public GoVersion {
        Objects.requireNonNull(prerelease, "prerelease");
    }

    /**
     * Reads a version as go.mod writes it ({@code 1.21}, {@code 1.21.3}, {@code 1.22rc1}) or as a toolchain
     * names itself ({@code go1.26.3}).
     */
    public static GoVersion parse(String text) {
        String version = text == null ? "" : text.strip();
        if (version.startsWith("go")) {
            version = version.substring(2);
        }
        Matcher m = SYNTAX.matcher(version);
        if (!m.matches()) {
            throw new InvalidBuildRequestException("'" + text + "' is not a Go version",
                    "Go versions look like 1.21, 1.21.3, 1.22rc1 or go1.26.3",
                    "correct the version (the go and toolchain lines of go.mod, or the go command's GOVERSION)");
        }
        int major = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            // "1" is 1.0.0, as the go command reads it
            return new GoVersion(major, 0, 0, "", ABSENT);
        }
        int minor = Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            return new GoVersion(major, minor, Integer.parseInt(m.group(3)), "", ABSENT);
        }
        if (m.group(4) != null) {
            int number = m.group(5) == null ? ABSENT : Integer.parseInt(m.group(5));
            return new GoVersion(major, minor, ABSENT, m.group(4), number);
        }
        return new GoVersion(major, minor, minor <= LAST_IMPLICIT_PATCH_MINOR ? 0 : ABSENT, "", ABSENT);
    }

    /**
     * Reads the version of a toolchain as {@code go env GOVERSION} or {@code go version} print it:
     * {@code go1.26.3}, {@code go1.26.3 X:nocoverageredesign}, {@code go1.21.3-bigcorp},
     * {@code devel go1.27-1a2b3c4 Tue ...}.
     */
    public static GoVersion ofToolchain(String goVersionOutput) {
        String text = goVersionOutput == null ? "" : goVersionOutput.strip();
        for (String word : text.split("\\s+")) {
            if (word.startsWith("go") && word.length() > 2 && Character.isDigit(word.charAt(2))) {
                int suffix = word.indexOf('-');
                return parse(suffix < 0 ? word : word.substring(0, suffix));
            }
        }
        throw new InvalidBuildRequestException("cannot read a Go version in '" + text + "'",
                "the go command printed something other than its version (for example go1.26.3)",
                "check that the go executable is the Go toolchain (run it with 'env GOVERSION')");
    }

    /** The language version, e.g. {@code 1.21} for {@code 1.21.3} and {@code 1.21rc1}. */
    public GoVersion language() {
        return parse(major + "." + minor);
    }

    public boolean isAtLeast(GoVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(GoVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch); // ABSENT (-1) sorts first: 1.21 < 1.21rc1 < 1.21.0
        }
        if (c == 0) {
            c = prerelease.compareTo(other.prerelease); // "" < alpha < beta < rc
        }
        if (c == 0) {
            c = Integer.compare(prereleaseNumber, other.prereleaseNumber);
        }
        return c;
    }

    /** As go.mod writes it: {@code 1.21}, {@code 1.21.3}, {@code 1.22rc1}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(major).append('.').append(minor);
        if (patch != ABSENT && !(patch == 0 && minor <= LAST_IMPLICIT_PATCH_MINOR)) {
            text.append('.').append(patch);
        }
        text.append(prerelease);
        if (prereleaseNumber != ABSENT) {
            text.append(prereleaseNumber);
        }
        return text.toString();
    }
}
