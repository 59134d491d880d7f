package io.jenkins.plugins.gocontainer.creds;

/**
 * Go's {@code path.Match} glob syntax and {@code module.MatchPrefixPatterns}, as the go command
 * uses them for GOPRIVATE, GONOPROXY, GONOSUMDB and GOINSECURE.
 *
 * <p>{@code *} matches any sequence of non-'/' characters, {@code ?} one non-'/' character,
 * {@code [...]} a character class ({@code ^} negates, {@code a-z} ranges), {@code \} escapes.
 */
final class GoGlob {

    private GoGlob() {
    }

    /** Returns null if the pattern is valid for path.Match, else the rule it breaks. */
    static String syntaxError(String pattern) {
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    return "a '\\' must be followed by the character it escapes";
                }
                i += 2;
            } else if (c == '[') {
                int end = classEnd(pattern, i);
                if (end < 0) {
                    return "a character class '[...]' must be closed, non-empty and must not start a range with '-' or ']'";
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return null;
    }

    /** path.Match(pattern, name) for a valid pattern. */
    static boolean match(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                int next = pi;
                while (next < p.length() && p.charAt(next) == '*') {
                    next++;
                }
                for (int k = si; ; k++) {
                    if (match(p, next, s, k)) {
                        return true;
                    }
                    if (k >= s.length() || s.charAt(k) == '/') {
                        return false;
                    }
                }
            }
            if (si >= s.length()) {
                return false;
            }
            char ch = s.charAt(si);
            if (c == '?') {
                if (ch == '/') {
                    return false;
                }
                pi++;
            } else if (c == '[') {
                int end = classEnd(p, pi);
                if (ch == '/' || !classMatches(p, pi + 1, end, ch)) {
                    return false;
                }
                pi = end + 1;
            } else if (c == '\\') {
                if (p.charAt(pi + 1) != ch) {
                    return false;
                }
                pi += 2;
            } else {
                if (c != ch) {
                    return false;
                }
                pi++;
            }
            si++;
        }
        return si == s.length();
    }

    /** Index of the closing ']' of the class starting at {@code open}, or -1 if malformed. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= p.length()) {
                return -1;
            }
            char c = p.charAt(i);
            if (c == ']' && !first) {
                return i;
            }
            // lo
            int lo = escaped(p, i);
            if (lo < 0) {
                return -1;
            }
            i = lo;
            if (i < p.length() && p.charAt(i) == '-') {
                int hi = escaped(p, i + 1);
                if (hi < 0) {
                    return -1;
                }
                i = hi;
            }
            first = false;
        }
    }

    /** Go's getEsc: one possibly escaped class character at i; returns the index after it, or -1. */
    private static int escaped(String p, int i) {
        if (i >= p.length()) {
            return -1;
        }
        char c = p.charAt(i);
        if (c == '-' || c == ']') {
            return -1;
        }
        if (c == '\\') {
            return i + 1 < p.length() ? i + 2 : -1;
        }
        return i + 1;
    }

    private static boolean classMatches(String p, int start, int end, char ch) {
        int i = start;
        boolean negated = false;
        if (p.charAt(i) == '^') {
            negated = true;
            i++;
        }
        boolean matched = false;
        while (i < end) {
            char lo = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
            i++;
            char hi = lo;
            if (i < end && p.charAt(i) == '-') {
                i++;
                hi = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
                i++;
            }
            if (lo <= ch && ch <= hi) {
                matched = true;
            }
        }
        return matched != negated;
    }

    /**
     * module.MatchPrefixPatterns: whether any pattern of the comma-separated list matches a prefix
     * of {@code target} ending at a path-element boundary. Empty elements are skipped, a trailing
     * '/' of a pattern is ignored.
     */
    static boolean matchPrefixPatterns(String globs, String target) {
        return firstMatchingPattern(globs, target) != null;
    }

    /** The first pattern of the list that matches, or null. */
    static String firstMatchingPattern(String globs, String target) {
        if (globs == null || globs.isEmpty()) {
            return null;
        }
        for (String raw : globs.split(",", -1)) {
            String glob = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            if (glob.isEmpty() || syntaxError(glob) != null) {
                continue;
            }
            int n = (int) glob.chars().filter(c -> c == '/').count();
            String prefix = target;
            for (int i = 0; i < target.length(); i++) {
                if (target.charAt(i) == '/') {
                    if (n == 0) {
                        prefix = target.substring(0, i);
                        break;
                    }
                    n--;
                }
            }
            if (n > 0) {
                continue;
            }
            if (match(glob, prefix)) {
                return raw;
            }
        }
        return null;
    }

    /** A module path that the pattern matches (metacharacters replaced by sample characters). */
    static String sample(String pattern) {
        StringBuilder out = new StringBuilder();
        String p = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?') {
                out.append('x');
            } else if (c == '\\') {
                out.append(p.charAt(++i));
            } else if (c == '[') {
                int end = classEnd(p, i);
                char found = 0;
                for (char candidate : "xabcdefghijklmnopqrstuvwyz0123456789-._".toCharArray()) {
                    if (classMatches(p, i + 1, end, candidate)) {
                        found = candidate;
                        break;
                    }
                }
                out.append(found == 0 ? 'x' : found);
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
