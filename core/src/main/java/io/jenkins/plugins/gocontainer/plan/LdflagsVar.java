package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.tags.Template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * One {@code PKG.NAME=TEMPLATE} of {@code --ldflags-var}: the package-level string variable that
 * {@code go build -ldflags -X} sets, and the template its value is made from. The template is literal
 * text with the build's facts in it ({@code {{.Version}}}, {@code {{.Revision}}}, {@code {{.ShortRevision}}},
 * {@code {{.Branch}}}, {@code {{.Date}}}); any other placeholder is refused, so a typo never becomes a value.
 *
 * @param packagePath the variable's package: {@code main}, or an import path such as {@code example.com/svc/internal/build}
 * @param name        the variable, a Go identifier
 * @param template    the template as given
 */
public record LdflagsVar(String packagePath, String name, String template) {

    /** The specification's key, for messages. */
    public static final String SETTING = "ldflagsVars";

    public static final String VERSION = ".Version";
    public static final String REVISION = ".Revision";
    public static final String SHORT_REVISION = ".ShortRevision";
    public static final String BRANCH = ".Branch";
    public static final String DATE = ".Date";
    private static final Set<String> FIELDS = Set.of(VERSION, REVISION, SHORT_REVISION, BRANCH, DATE);

    /** Import path characters (as the go command allows them), in elements separated by single slashes. */
    private static final Pattern IMPORT_PATH = Pattern.compile("[A-Za-z0-9_.~+-]+(/[A-Za-z0-9_.~+-]+)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    private static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default", "defer", "else",
        "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
        "switch", "type", "var");
    private static final String EXAMPLE = "main.commit={{.Revision}} or example.com/svc/internal/build.Version={{.Version}}";

    public LdflagsVar {
        Objects.requireNonNull(packagePath, "packagePath");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        parsed(packagePath + "." + name, template);
    }

    /** Parses one {@code PKG.NAME=TEMPLATE}, refusing a malformed one with its fix. */
    public static LdflagsVar parse(String given) {
        String text = given == null ? "" : given.strip();
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw invalid(text, "it has no '=' between the variable and its value",
                "write PKG.NAME=TEMPLATE, e.g. " + EXAMPLE);
        }
        String variable = text.substring(0, eq).strip();
        int dot = variable.lastIndexOf('.');
        String packagePath = dot < 0 ? "" : variable.substring(0, dot);
        String name = variable.substring(dot + 1);
        if (dot <= 0 || !IMPORT_PATH.matcher(packagePath).matches() || packagePath.contains("..") || name.isEmpty()) {
            throw invalid(text, "'" + variable + "' is not PKG.NAME: -X sets a package-level string variable named by its package"
                    + " (main, or the package's import path) and its name",
                "write PKG.NAME=TEMPLATE, e.g. " + EXAMPLE);
        }
        if (!IDENTIFIER.matcher(name).matches() || KEYWORDS.contains(name)) {
            throw invalid(text, "'" + name + "' is not a Go identifier, so no variable of package " + packagePath + " can have that name",
                "name the variable as it is declared in the Go source (letters, digits and '_', not starting with a digit)");
        }
        return new LdflagsVar(packagePath, name, text.substring(eq + 1));
    }

    /** Parses each value; a variable given twice is refused, since only one value can reach it. */
    public static List<LdflagsVar> parseAll(List<String> values) {
        List<LdflagsVar> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            LdflagsVar variable = parse(value);
            if (!seen.add(variable.variable())) {
                throw new InvalidBuildRequestException(setting(SETTING) + " sets " + variable.variable() + " twice",
                    "the linker keeps one value per variable, so one of them would be silently lost",
                    "give " + variable.variable() + " once");
            }
            parsed.add(variable);
        }
        return parsed;
    }

    /** {@code PKG.NAME}, as {@code -X} names it. */
    public String variable() {
        return packagePath + "." + name;
    }

    /** The template draws on {@code {{.Version}}}. */
    public boolean usesVersion() {
        return parsed(variable(), template).placeholders().contains(VERSION);
    }

    /** The value for a build of {@code version} with {@code facts}. */
    public String value(String version, BuildFacts facts) {
        return parsed(variable(), template).render(field -> switch (field) {
            case VERSION -> version;
            case REVISION -> facts.revision();
            case SHORT_REVISION -> facts.shortRevision();
            case BRANCH -> facts.branch();
            case DATE -> facts.rfc3339Date();
            default -> throw new IllegalStateException(field);
        });
    }

    @Override
    public String toString() {
        return variable() + "=" + template;
    }

    private static Template parsed(String variable, String source) {
        try {
            return Template.parse(source, FIELDS);
        } catch (IllegalArgumentException e) {
            throw invalid(variable + "=" + source, "the value is literal text and the build's facts; " + e.getMessage(),
                "write the facts as Go templates do, with the dot: {{.Version}}, {{.Revision}}, {{.ShortRevision}}, {{.Branch}} or"
                    + " {{.Date}}, e.g. " + EXAMPLE);
        }
    }

    private static InvalidBuildRequestException invalid(String given, String reason, String remedy) {
        return new InvalidBuildRequestException("invalid " + setting(SETTING) + " '" + given + "'", reason, remedy);
    }
}
