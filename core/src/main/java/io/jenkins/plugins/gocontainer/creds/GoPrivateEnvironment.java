package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.GocbException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The go command's private-module environment ({@code GOPRIVATE}, {@code GONOPROXY},
 * {@code GONOSUMDB}, {@code GOPROXY}, {@code GOSUMDB}, {@code GOFLAGS}, {@code GOINSECURE}),
 * passed to the build as ordinary build args because none of it is secret.
 *
 * <p>Values are validated when the environment is created. {@link #route(String)} decides, as the
 * go command does, whether a module is fetched through a proxy and checked against the checksum
 * database; {@link #notes(Collection)} explains settings that contradict each other.
 */
public final class GoPrivateEnvironment {

    public static final String GOPRIVATE = "GOPRIVATE";
    public static final String GONOPROXY = "GONOPROXY";
    public static final String GONOSUMDB = "GONOSUMDB";
    public static final String GOPROXY = "GOPROXY";
    public static final String GOSUMDB = "GOSUMDB";
    public static final String GOFLAGS = "GOFLAGS";
    public static final String GOINSECURE = "GOINSECURE";

    /** The variables this class handles, in build-arg order. */
    public static final List<String> NAMES =
        List.of(GOPRIVATE, GONOPROXY, GONOSUMDB, GOPROXY, GOSUMDB, GOFLAGS, GOINSECURE);

    public static final String DEFAULT_GOPROXY = "https://proxy.golang.org,direct";
    public static final String DEFAULT_GOSUMDB = "sum.golang.org";

    private static final List<String> PATTERN_VARIABLES = List.of(GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE);

    /** How the go command downloads a module. */
    public enum Download {
        /** From the first GOPROXY entry that is a proxy URL. */
        PROXY,
        /** Directly from the version control system. */
        DIRECT,
        /** Not at all: GOPROXY=off (only the module cache or vendor/ can provide it). */
        DISABLED
    }

    /**
     * The go command's decision for one module path.
     *
     * @param matchedGoPrivate whether GOPRIVATE matches the path
     * @param download how the module is downloaded
     * @param proxy the proxy URL used when {@code download == PROXY}, else null
     * @param fallbackToDirect whether a proxy miss (404/410) falls back to direct (GOPROXY lists {@code direct})
     * @param checksumDatabase whether the download is verified against GOSUMDB
     * @param insecure whether GOINSECURE allows plain HTTP / unverified HTTPS for it
     */
    public record Route(String modulePath, boolean matchedGoPrivate, Download download, String proxy,
                        boolean fallbackToDirect, boolean checksumDatabase, boolean insecure) {

        public boolean usesProxy() {
            return download == Download.PROXY;
        }
    }

    private final Map<String, String> values;

    private GoPrivateEnvironment(Map<String, String> values) {
        this.values = values;
    }

    /** Picks and validates the variables in {@link #NAMES} from an environment; others are ignored. */
    public static GoPrivateEnvironment from(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = environment.get(name);
            if (value != null && !value.isEmpty()) {
                values.put(name, value);
            }
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            validate(entry.getKey(), entry.getValue());
        }
        return new GoPrivateEnvironment(values);
    }

    /** Only GOPRIVATE set. */
    public static GoPrivateEnvironment goPrivate(String patterns) {
        return from(Map.of(GOPRIVATE, patterns));
    }

    /** The set variables as build args, in {@link #NAMES} order. Empty variables are left out. */
    public Map<String, String> buildArgs() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The value as set, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** GONOPROXY as the go command uses it: defaults to GOPRIVATE. */
    public String effectiveNoProxy() {
        return values.getOrDefault(GONOPROXY, values.getOrDefault(GOPRIVATE, ""));
    }

    /** GONOSUMDB as the go command uses it: defaults to GOPRIVATE. */
    public String effectiveNoSumDb() {
        return values.getOrDefault(GONOSUMDB, values.getOrDefault(GOPRIVATE, ""));
    }

    public String effectiveGoProxy() {
        return values.getOrDefault(GOPROXY, DEFAULT_GOPROXY);
    }

    public String effectiveGoSumDb() {
        return values.getOrDefault(GOSUMDB, DEFAULT_GOSUMDB);
    }

    /** Whether GOPRIVATE matches the module path (by path-element prefix). */
    public boolean isPrivate(String modulePath) {
        return GoGlob.matchPrefixPatterns(values.getOrDefault(GOPRIVATE, ""), modulePath);
    }

    /** How the go command would fetch and verify {@code modulePath} under this environment. */
    public Route route(String modulePath) {
        if (modulePath == null || modulePath.isBlank()) {
            throw new IllegalArgumentException("module path is empty");
        }
        boolean noProxy = GoGlob.matchPrefixPatterns(effectiveNoProxy(), modulePath);
        Download download;
        String proxy = null;
        List<String> proxies = proxyList();
        boolean fallback = proxies.contains("direct");
        if (noProxy) {
            // cmd/go puts a "noproxy" entry first whenever GONOPROXY is set: a match goes direct,
            // whatever GOPROXY says (even off).
            download = Download.DIRECT;
        } else {
            String first = proxies.get(0);
            if (first.equals("off")) {
                download = Download.DISABLED;
            } else if (first.equals("direct")) {
                download = Download.DIRECT;
            } else {
                download = Download.PROXY;
                proxy = first;
            }
        }
        boolean sumDb = !effectiveGoSumDb().equals("off")
            && !GoGlob.matchPrefixPatterns(effectiveNoSumDb(), modulePath);
        boolean insecure = GoGlob.matchPrefixPatterns(values.getOrDefault(GOINSECURE, ""), modulePath);
        return new Route(modulePath, isPrivate(modulePath), download, proxy, fallback, sumDb, insecure);
    }

    /** Contradictions and surprises in the settings themselves. */
    public List<String> notes() {
        return notes(List.of());
    }

    /**
     * Warnings, one sentence each with what to do, for settings that contradict each other; the
     * given module paths (e.g. the private requirements of go.mod) are checked in addition to a
     * sample path for each GOPRIVATE and GOINSECURE pattern.
     */
    public List<String> notes(Collection<String> modulePaths) {
        Set<String> notes = new LinkedHashSet<>();
        List<String> proxies = proxyList();
        String goProxy = effectiveGoProxy();
        boolean hasPrivate = values.containsKey(GOPRIVATE);

        Set<String> paths = new LinkedHashSet<>(modulePaths);
        for (String pattern : patterns(GOPRIVATE)) {
            paths.add(GoGlob.sample(pattern));
        }
        for (String path : paths) {
            Route route = route(path);
            if (!route.matchedGoPrivate()) {
                continue;
            }
            String pattern = GoGlob.firstMatchingPattern(values.get(GOPRIVATE), path);
            if (route.usesProxy()) {
                String publicNote = isPublicProxy(route.proxy())
                    ? " That is the public proxy: the request reveals the module path and fails (404/410) for a private module."
                    : "";
                notes.add("Module path " + path + " matches GOPRIVATE pattern '" + pattern + "', but GONOPROXY="
                    + values.get(GONOPROXY) + " does not match it, so the go command downloads it through "
                    + route.proxy() + (route.fallbackToDirect() ? "" : " with no fallback to direct") + "."
                    + publicNote + " This is right only if that proxy serves your private modules (GONOPROXY=none);"
                    + " otherwise add the pattern to GONOPROXY or unset GONOPROXY (it defaults to GOPRIVATE).");
            }
            if (route.checksumDatabase()) {
                notes.add("Module path " + path + " matches GOPRIVATE pattern '" + pattern + "', but GONOSUMDB="
                    + values.get(GONOSUMDB) + " does not match it, so the go command verifies it against the checksum"
                    + " database " + effectiveGoSumDb() + ", which does not know private modules (410 Gone / 404,"
                    + " 'verifying module: ... reading https://sum.golang.org/lookup') and learns the path."
                    + " Add the pattern to GONOSUMDB or unset GONOSUMDB (it defaults to GOPRIVATE).");
            }
        }

        if (proxies.get(0).equals("off")) {
            if (hasPrivate || values.containsKey(GONOPROXY)) {
                notes.add("GOPROXY=off forbids every download except modules matched by GONOPROXY (default GOPRIVATE),"
                    + " which are still fetched directly from version control; all other dependencies must already"
                    + " be in the module cache or vendor/. Use GOPROXY=" + DEFAULT_GOPROXY
                    + " (or your company proxy) if public dependencies must be downloaded.");
            } else {
                notes.add("GOPROXY=off forbids every module download: the build only works if all dependencies are"
                    + " vendored or in the module cache. If private modules must be fetched, set GOPRIVATE to"
                    + " their path patterns (they are then fetched directly even with GOPROXY=off).");
            }
        }
        int stop = firstTerminal(proxies);
        if (stop >= 0 && stop < proxies.size() - 1) {
            notes.add("GOPROXY=" + goProxy + ": the entries after '" + proxies.get(stop)
                + "' are never used, because the go command stops there. Remove them or reorder the list.");
        }

        if (effectiveGoSumDb().equals("off") && hasPrivate) {
            notes.add("GOSUMDB=off disables checksum verification for all modules, public ones included; GOPRIVATE"
                + " (or GONOSUMDB) already exempts the private ones. Unset GOSUMDB to keep public modules verified.");
        }

        for (String pattern : patterns(GOINSECURE)) {
            String path = GoGlob.sample(pattern);
            if (route(path).checksumDatabase()) {
                notes.add("GOINSECURE pattern '" + pattern + "' allows insecure downloads but does not disable checksum"
                    + " database verification: a module such as " + path + " is still looked up in "
                    + effectiveGoSumDb() + ". If it is private, add it to GOPRIVATE (or GONOSUMDB) as well.");
            }
        }

        for (String flag : goFlags()) {
            String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            if (name.equals("-insecure") || name.equals("--insecure")) {
                notes.add("GOFLAGS contains " + name + ", which was removed from the go command (Go 1.17) and is"
                    + " rejected or ignored by current versions. Use GOINSECURE=PATTERNS for hosts without valid"
                    + " HTTPS, and GOPRIVATE/GONOSUMDB for modules the checksum database cannot know.");
            }
        }
        return List.copyOf(notes);
    }

    private List<String> proxyList() {
        List<String> list = new ArrayList<>();
        for (String element : effectiveGoProxy().split("[,|]", -1)) {
            list.add(element);
        }
        return list;
    }

    private static int firstTerminal(List<String> proxies) {
        for (int i = 0; i < proxies.size(); i++) {
            if (proxies.get(i).equals("off") || proxies.get(i).equals("direct")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isPublicProxy(String url) {
        return url != null && url.contains("proxy.golang.org");
    }

    private List<String> patterns(String name) {
        String value = values.get(name);
        return value == null ? List.of() : List.of(value.split(","));
    }

    private List<String> goFlags() {
        String value = values.get(GOFLAGS);
        return value == null ? List.of() : List.of(value.trim().split("\\s+"));
    }

    // ---- validation ----------------------------------------------------------------------------

    private static void validate(String name, String value) {
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new InvalidBuildRequestException(name + " contains a line break", "build args are single-line values",
                "set " + name + " on one line");
        }
        if (PATTERN_VARIABLES.contains(name)) {
            validatePatterns(name, value);
        } else if (name.equals(GOPROXY)) {
            validateGoProxy(value);
        } else if (name.equals(GOSUMDB)) {
            for (String part : value.trim().split("\\s+")) {
                if (part.contains("://") && hasUserInfo(part)) {
                    throw credentialsInBuildArg(GOSUMDB);
                }
            }
        } else if (name.equals(GOFLAGS)) {
            for (String flag : value.trim().split("\\s+")) {
                if (!flag.startsWith("-")) {
                    throw new InvalidBuildRequestException("GOFLAGS contains '" + flag + "', which is not a flag",
                        "GOFLAGS is a space-separated list of -flag or -flag=value settings; the go command"
                            + " fails with 'go: parsing $GOFLAGS: non-flag'",
                        "write each setting as -name=value, e.g. GOFLAGS=-mod=mod");
                }
            }
        }
    }

    /**
     * Validates a comma-separated list of module path glob patterns, as accepted by
     * GOPRIVATE/GONOPROXY/GONOSUMDB/GOINSECURE. Throws naming the bad pattern and the rule.
     */
    public static void validatePatterns(String name, String value) {
        String[] patterns = value.split(",", -1);
        for (int i = 0; i < patterns.length; i++) {
            String pattern = patterns[i];
            String rule = null;
            String fix = null;
            if (pattern.isEmpty()) {
                rule = "element " + (i + 1) + " of the comma-separated list is empty";
                fix = "remove the extra comma";
            } else if (pattern.chars().anyMatch(Character::isWhitespace)) {
                rule = "patterns must not contain spaces (the list is separated by commas only)";
                fix = "write the list without spaces, e.g. " + name + "=*.corp.example.com,rsc.io/private";
            } else if (pattern.contains("://")) {
                rule = "patterns match module paths, which have no URL scheme";
                fix = "drop the scheme, e.g. git.example.com/team instead of https://git.example.com/team";
            } else if (pattern.startsWith("/")) {
                rule = "module paths do not start with '/'";
                fix = "start the pattern with the host, e.g. git.example.com/team";
            } else if (pattern.contains("@")) {
                rule = "module paths do not contain '@' (no user name, no version)";
                fix = "give the host and path only, e.g. git.example.com/team";
            } else {
                String syntax = GoGlob.syntaxError(pattern);
                if (syntax != null) {
                    rule = "it is not a valid path.Match glob: " + syntax;
                    fix = "use '*' (any characters except '/'), '?', '[a-z]' classes and '\\' escapes only";
                }
            }
            if (rule != null) {
                throw new InvalidBuildRequestException(name + " pattern '" + pattern + "' is malformed",
                    rule + "; " + name + " is a comma-separated list of glob patterns (Go's path.Match syntax)"
                        + " matched against module path prefixes",
                    fix);
            }
        }
    }

    private static void validateGoProxy(String value) {
        String[] elements = value.split("[,|]", -1);
        for (String element : elements) {
            if (element.isEmpty() || element.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidBuildRequestException("GOPROXY has an empty element or spaces",
                    "GOPROXY is a list of proxy URLs, 'direct' and 'off', separated by ',' or '|' without spaces",
                    "e.g. GOPROXY=https://proxy.example.com,direct");
            }
            if (element.equals("direct") || element.equals("off")) {
                continue;
            }
            if (!element.contains(":")) {
                if (!element.contains(".") && !element.contains("/")) {
                    throw new InvalidBuildRequestException("GOPROXY element '" + element + "' is neither a URL nor 'direct' or 'off'",
                        "single words are reserved for the go command's keywords ('direct', 'off')",
                        "give a proxy URL such as https://proxy.example.com, or 'direct'");
                }
                continue; // the go command prefixes https://
            }
            URI uri;
            try {
                uri = new URI(element);
            } catch (URISyntaxException e) {
                throw new InvalidBuildRequestException("GOPROXY element is not a valid URL", "the go command cannot parse it",
                    "give a URL such as https://proxy.example.com");
            }
            if (uri.getRawUserInfo() != null) {
                throw credentialsInBuildArg(GOPROXY);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!List.of("https", "http", "file").contains(scheme)) {
                throw new InvalidBuildRequestException("GOPROXY element uses the scheme '" + scheme + "'",
                    "the go command accepts https, http and file proxy URLs only",
                    "give a URL such as https://proxy.example.com or file:///path/to/cache/download");
            }
        }
    }

    private static boolean hasUserInfo(String url) {
        try {
            return new URI(url).getRawUserInfo() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static GocbException credentialsInBuildArg(String name) {
        return new InvalidBuildRequestException(name + " contains credentials (user:password@ in a URL)",
            "it is passed as a build arg, which is recorded in the image history and the build log",
            "remove the credentials from " + name + " and give them as a netrc token ({@netrc.host}, {@netrc.tokenVariable})");
    }

    @Override
    public String toString() {
        return "GoPrivateEnvironment" + values;
    }
}
