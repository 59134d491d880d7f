package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gomod.GoModFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The variables a generated Dockerfile sets with {@code go build -ldflags -X}, each from a build
 * argument of its own, so that a value never becomes shell text: the version in {@code main.version}
 * (as always), the conventions the main package follows, and every {@code --ldflags-var}.
 *
 * <ul>
 *   <li>goreleaser's: {@code main.commit}, {@code main.date} and {@code main.builtBy}, each when package
 *       main declares it as a string variable;</li>
 *   <li>prometheus's {@code github.com/prometheus/common/version} ({@code Version}, {@code Revision},
 *       {@code Branch}, {@code BuildUser}, {@code BuildDate}), when go.mod requires
 *       {@code github.com/prometheus/common} and the main package imports that package. {@code -X} names
 *       it by its import path, vendored or not.</li>
 * </ul>
 *
 * An {@code --ldflags-var} for a variable a convention sets replaces the convention's value.
 *
 * @param stamps  every {@code -X}, in order
 * @param warning why the version reaches no variable, when one was given and none receives it
 */
public record VersionStamps(List<Stamp> stamps, Optional<String> warning) {

    /** The build argument that has always carried the version. */
    public static final String VERSION_ARG = BuildPlanner.VERSION_ARG;
    /** Written in the value of {@code main.builtBy} and prometheus's {@code BuildUser}. */
    public static final String BUILT_BY = "gocb";
    static final String PROMETHEUS_MODULE = "github.com/prometheus/common";
    static final String PROMETHEUS_VERSION = PROMETHEUS_MODULE + "/version";

    private static final LdflagsVar MAIN_VERSION = new LdflagsVar("main", "version", "{{.Version}}");
    private static final List<LdflagsVar> GORELEASER = List.of(
        new LdflagsVar("main", "commit", "{{.Revision}}"),
        new LdflagsVar("main", "date", "{{.Date}}"),
        new LdflagsVar("main", "builtBy", BUILT_BY));
    private static final List<LdflagsVar> PROMETHEUS = List.of(
        new LdflagsVar(PROMETHEUS_VERSION, "Version", "{{.Version}}"),
        new LdflagsVar(PROMETHEUS_VERSION, "Revision", "{{.Revision}}"),
        new LdflagsVar(PROMETHEUS_VERSION, "Branch", "{{.Branch}}"),
        new LdflagsVar(PROMETHEUS_VERSION, "BuildUser", BUILT_BY),
        new LdflagsVar(PROMETHEUS_VERSION, "BuildDate", "{{.Date}}"));

    /**
     * One {@code -X variable=$buildArg}.
     *
     * @param variable {@code PKG.NAME}
     * @param buildArg the build argument that carries the value
     * @param value    the value, for this build
     * @param known    the variable is known to exist (declared in package main, a matched convention, or named by the user):
     *                 {@code main.version} is set whether or not it is declared, as it always was, but only reported when it is
     * @param version  the value is made from the version
     */
    public record Stamp(String variable, String buildArg, String value, boolean known, boolean version) {
    }

    public VersionStamps {
        stamps = List.copyOf(stamps);
    }

    /** {@code main.version} from {@value #VERSION_ARG} alone: what a Dockerfile generated without looking at the sources sets. */
    public static VersionStamps versionOnly() {
        return new VersionStamps(List.of(new Stamp(MAIN_VERSION.variable(), VERSION_ARG, BuildRequest.DEFAULT_VERSION, false, true)),
            Optional.empty());
    }

    /**
     * What to stamp into the main package {@code mainPackage} ("." or "./dir") of the module at {@code moduleRoot}.
     *
     * @param versionGiven the version was given or derived from git, so that a build which stamps it nowhere is worth a warning
     */
    public static VersionStamps plan(Path moduleRoot, String mainPackage, List<LdflagsVar> explicit, String version, boolean versionGiven,
                                     BuildFacts facts) {
        MainPackageSource source = MainPackageSource.read(moduleRoot.resolve(mainPackage).normalize());
        return plan(source, requiresPrometheus(moduleRoot), mainPackage, explicit, version, versionGiven, facts);
    }

    static VersionStamps plan(MainPackageSource source, boolean requiresPrometheus, String mainPackage, List<LdflagsVar> explicit, String version,
                              boolean versionGiven, BuildFacts facts) {
        Map<String, LdflagsVar> variables = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        variables.put(MAIN_VERSION.variable(), MAIN_VERSION);
        if (source.stringVariables().contains(MAIN_VERSION.name())) {
            known.add(MAIN_VERSION.variable());
        }
        for (LdflagsVar convention : GORELEASER) {
            if (source.stringVariables().contains(convention.name())) {
                variables.put(convention.variable(), convention);
                known.add(convention.variable());
            }
        }
        if (requiresPrometheus && source.imports().contains(PROMETHEUS_VERSION)) {
            PROMETHEUS.forEach(convention -> variables.put(convention.variable(), convention));
            PROMETHEUS.forEach(convention -> known.add(convention.variable()));
        }
        Set<String> given = new HashSet<>();
        for (LdflagsVar variable : explicit) {
            variables.put(variable.variable(), variable);
            known.add(variable.variable());
            given.add(variable.variable());
        }
        List<Stamp> stamps = new ArrayList<>();
        Set<String> buildArgs = new HashSet<>(Set.of(VERSION_ARG));
        for (LdflagsVar variable : variables.values()) {
            String value = requireQuotable(variable, variable.value(version, facts), given.contains(variable.variable()));
            String buildArg = variable == MAIN_VERSION ? VERSION_ARG : buildArg(variable, buildArgs);
            stamps.add(new Stamp(variable.variable(), buildArg, value, known.contains(variable.variable()), variable.usesVersion()));
        }
        boolean versionReached = stamps.stream().anyMatch(stamp -> stamp.known() && stamp.version());
        Optional<String> warning = versionGiven && !versionReached ? Optional.of(unstampedVersion(version, mainPackage)) : Optional.empty();
        return new VersionStamps(stamps, warning);
    }

    /** The stamps known to reach a variable, as {@code PKG.NAME=value}: what the build log reports. */
    public List<String> reported() {
        return stamps.stream().filter(Stamp::known).map(stamp -> stamp.variable() + "=" + stamp.value()).toList();
    }

    /** The build arguments that carry the values, besides {@value #VERSION_ARG}. */
    public Map<String, String> buildArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        stamps.stream().filter(stamp -> !stamp.buildArg().equals(VERSION_ARG)).forEach(stamp -> args.put(stamp.buildArg(), stamp.value()));
        return args;
    }

    private static boolean requiresPrometheus(Path moduleRoot) {
        try {
            return GoModFile.read(moduleRoot.resolve("go.mod")).requirements().stream().anyMatch(r -> r.path().equals(PROMETHEUS_MODULE));
        } catch (IOException | RuntimeException unreadable) {
            return false; // the go command reports a broken go.mod better
        }
    }

    /** {@code GOCB_X_} and the variable in capitals, e.g. GOCB_X_MAIN_COMMIT; unique among {@code taken}. */
    private static String buildArg(LdflagsVar variable, Set<String> taken) {
        String base = "GOCB_X_" + variable.variable().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /**
     * The value reaches go build's -ldflags between single quotes (the go command splits -ldflags at spaces
     * and knows no escapes): a value with a single quote or a line break cannot be passed.
     */
    private static String requireQuotable(LdflagsVar variable, String value, boolean given) {
        if (value.indexOf('\'') < 0 && value.chars().noneMatch(c -> c == '\n' || c == '\r')) {
            return value;
        }
        String source = given ? setting(LdflagsVar.SETTING) + " " + variable
            : variable.usesVersion() ? "the version (" + setting("appVersion") + " or the git tag)" : "the branch name";
        throw new InvalidBuildRequestException("the value '" + value + "' for " + variable.variable() + " contains a "
            + (value.indexOf('\'') >= 0 ? "single quote" : "line break"),
            "values reach go build's -ldflags as -X 'PKG.NAME=VALUE', and the go command can quote no single quote or line break inside it",
            "remove it from " + source);
    }

    private static String unstampedVersion(String version, String mainPackage) {
        return "the version " + version + " reaches no variable of the binary: package main in " + mainPackage
            + " declares no string variable 'version', it follows no known convention (goreleaser's main.version, prometheus's "
            + PROMETHEUS_VERSION + ".Version), and no " + setting(LdflagsVar.SETTING) + " uses {{.Version}}. Fix: declare"
            + " var version = \"dev\" in package main, or name the variable that holds it: " + setting(LdflagsVar.SETTING)
            + " PKG.NAME={{.Version}}";
    }
}
