package io.jenkins.plugins.gocontainer.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a Dockerfile reads, as BuildKit's Dockerfile frontend sees them: the {@code # syntax=}
 * frontend, each stage's {@code FROM} with the global {@code ARG}s expanded (their defaults,
 * overridden by build arguments), and the images named by {@code COPY --from} and
 * {@code RUN --mount=from=}. Stage names are not images; {@code scratch} is none either.
 *
 * <p>Only what naming base images needs is read: instructions, line continuations, comments,
 * parser directives and here-documents. It never decides whether a Dockerfile is valid; BuildKit does.
 */
public final class DockerfileImages {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<-?([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern FROM_FLAG = Pattern.compile("--from=(\\S+)");
    private static final Pattern MOUNT_FROM = Pattern.compile("--mount=\\S*?\\bfrom=([^,\\s]+)");

    /** One {@code FROM}: the image (or earlier stage) it starts from, its name, and what its {@code RUN}s execute. */
    public record Stage(String base, Optional<String> name, boolean fromStage, List<String> runCommands) {

        public Stage {
            runCommands = List.copyOf(runCommands);
        }

        /** Whether the stage starts from an image (not an earlier stage, not {@code scratch}). */
        public boolean fromImage() {
            return !fromStage && !base.equalsIgnoreCase("scratch");
        }
    }

    private final Optional<String> syntax;
    private final List<Stage> stages;
    private final Set<String> copiedImages;

    private DockerfileImages(Optional<String> syntax, List<Stage> stages, Set<String> copiedImages) {
        this.syntax = syntax;
        this.stages = List.copyOf(stages);
        this.copiedImages = Set.copyOf(copiedImages);
    }

    /**
     * Reads {@code text}; {@code buildArgs} override the global ARG defaults and
     * {@code platformArgs} (TARGETOS, TARGETARCH, ...) are predefined, as BuildKit does.
     */
    public static DockerfileImages parse(String text, Map<String, String> buildArgs, Map<String, String> platformArgs) {
        List<String> lines = text.lines().toList();
        Optional<String> syntax = Optional.empty();
        char escape = '\\';
        int index = 0;
        for (; index < lines.size(); index++) {
            Matcher directive = DIRECTIVE.matcher(lines.get(index).strip());
            if (!directive.matches()) {
                break;
            }
            String key = directive.group(1).toLowerCase(Locale.ROOT);
            if (key.equals("syntax")) {
                syntax = Optional.of(directive.group(2));
            } else if (key.equals("escape") && directive.group(2).length() == 1) {
                escape = directive.group(2).charAt(0);
            }
        }
        Map<String, String> globals = new LinkedHashMap<>(platformArgs);
        Map<String, String> stageNames = new LinkedHashMap<>();
        List<StageBuilder> stages = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        List<String> fromReferences = new ArrayList<>();
        while (index < lines.size()) {
            String line = lines.get(index++);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            StringBuilder logical = new StringBuilder();
            String current = line;
            while (true) {
                String trimmed = current.stripTrailing();
                if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
                    logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                    // Comment lines inside a continued instruction are dropped, as BuildKit does.
                    while (index < lines.size() && lines.get(index).strip().startsWith("#")) {
                        index++;
                    }
                    if (index >= lines.size()) {
                        break;
                    }
                    current = lines.get(index++);
                } else {
                    logical.append(current);
                    break;
                }
            }
            Matcher instruction = INSTRUCTION.matcher(logical.toString());
            if (!instruction.matches()) {
                continue;
            }
            String keyword = instruction.group(1).toUpperCase(Locale.ROOT);
            String arguments = instruction.group(2) == null ? "" : instruction.group(2).strip();
            StringBuilder heredocs = new StringBuilder();
            Matcher heredoc = HEREDOC.matcher(arguments);
            while ((keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) && heredoc.find()) {
                String end = heredoc.group(2);
                while (index < lines.size()) {
                    String body = lines.get(index++);
                    if (body.strip().equals(end)) {
                        break;
                    }
                    heredocs.append('\n').append(body);
                }
            }
            switch (keyword) {
                case "ARG" -> {
                    if (stages.isEmpty()) {
                        declare(arguments, globals, buildArgs);
                    }
                }
                case "FROM" -> {
                    StageBuilder stage = from(arguments, globals, stageNames);
                    stages.add(stage);
                    if (!stage.fromStage && !stage.base.equalsIgnoreCase("scratch")) {
                        fromReferences.add(stage.base);
                    }
                    stage.name.ifPresent(name -> stageNames.put(name.toLowerCase(Locale.ROOT), name));
                }
                case "RUN" -> {
                    if (!stages.isEmpty()) {
                        stages.get(stages.size() - 1).runs.add(arguments + heredocs);
                    }
                    referencedImages(MOUNT_FROM.matcher(arguments), globals, stageNames, copied);
                }
                case "COPY", "ADD" -> referencedImages(FROM_FLAG.matcher(arguments), globals, stageNames, copied);
                default -> {
                    // No other instruction names an image.
                }
            }
        }
        copied.removeAll(fromReferences);
        return new DockerfileImages(syntax, stages.stream().map(StageBuilder::build).toList(), copied);
    }

    /** The platform ARGs BuildKit predefines for FROM lines, for the first platform built (or this machine's). */
    public static Map<String, String> platformArgs(List<Platform> platforms) {
        Platform target = platforms.isEmpty() ? Platform.host() : platforms.get(0);
        Platform build = Platform.host();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("TARGETPLATFORM", target.toString());
        args.put("TARGETOS", target.os());
        args.put("TARGETARCH", target.architecture());
        args.put("TARGETVARIANT", target.variant() == null ? "" : target.variant());
        args.put("BUILDPLATFORM", build.toString());
        args.put("BUILDOS", build.os());
        args.put("BUILDARCH", build.architecture());
        args.put("BUILDVARIANT", build.variant() == null ? "" : build.variant());
        return args;
    }

    /**
     * {@code text} without its {@code # syntax=} directive, so that BuildKit builds it with its
     * built-in frontend. A blank line after the remaining directives keeps every line's number.
     */
    public static String withoutSyntaxDirective(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int index = 0; index < lines.size(); index++) {
            Matcher directive = DIRECTIVE.matcher(lines.get(index).strip());
            if (!directive.matches()) {
                break;
            }
            if (directive.group(1).equalsIgnoreCase("syntax")) {
                lines.remove(index);
                int end = index;
                while (end < lines.size() && DIRECTIVE.matcher(lines.get(end).strip()).matches()) {
                    end++;
                }
                lines.add(end, "");
                break;
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The frontend image of a {@code # syntax=} directive, if the Dockerfile has one. */
    public Optional<String> syntax() {
        return syntax;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Every image the build reads, in order of first use: the stages' bases, then images only copied from. */
    public List<String> images() {
        Set<String> images = new LinkedHashSet<>();
        stages.stream().filter(Stage::fromImage).map(Stage::base).forEach(images::add);
        images.addAll(copiedImages.stream().sorted().toList());
        return List.copyOf(images);
    }

    /** The stages that start from {@code image} as written (after ARG expansion). */
    public List<Stage> stagesFrom(String image) {
        return stages.stream().filter(stage -> stage.fromImage() && stage.base().equals(image)).toList();
    }

    private static void declare(String arguments, Map<String, String> globals, Map<String, String> buildArgs) {
        for (String declaration : arguments.split("\\s+")) {
            if (declaration.isEmpty()) {
                continue;
            }
            int eq = declaration.indexOf('=');
            String name = eq < 0 ? declaration : declaration.substring(0, eq);
            String fallback = eq < 0 ? null : unquote(expand(declaration.substring(eq + 1), globals));
            String value = buildArgs.containsKey(name) ? buildArgs.get(name) : fallback;
            if (value != null) {
                globals.put(name, value);
            } else {
                globals.remove(name);
            }
        }
    }

    private static StageBuilder from(String arguments, Map<String, String> globals, Map<String, String> stageNames) {
        List<String> words = new ArrayList<>(List.of(arguments.split("\\s+")));
        words.removeIf(word -> word.startsWith("--"));
        String base = words.isEmpty() ? "" : expand(words.get(0), globals);
        Optional<String> name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? Optional.of(words.get(2)) : Optional.empty();
        boolean fromStage = stageNames.containsKey(base.toLowerCase(Locale.ROOT));
        return new StageBuilder(base, name, fromStage);
    }

    private static void referencedImages(Matcher references, Map<String, String> globals, Map<String, String> stageNames, Set<String> into) {
        while (references.find()) {
            String reference = unquote(expand(references.group(1), globals));
            boolean stageIndex = reference.chars().allMatch(Character::isDigit);
            if (!stageIndex && !stageNames.containsKey(reference.toLowerCase(Locale.ROOT)) && !reference.equalsIgnoreCase("scratch")) {
                into.add(reference);
            }
        }
    }

    /** BuildKit's word expansion for the forms used in image names: $X, ${X}, ${X:-d}, ${X-d}, ${X:+a}, ${X+a}. */
    static String expand(String word, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(word);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(4);
            String value = variables.get(name);
            String operator = variable.group(2);
            String replacement;
            if (operator == null) {
                replacement = value == null ? "" : value;
            } else {
                boolean set = operator.startsWith(":") ? value != null && !value.isEmpty() : value != null;
                String alternative = expand(variable.group(3), variables);
                replacement = operator.endsWith("-") ? (set ? value : alternative) : (set ? alternative : "");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static final class StageBuilder {
        private final String base;
        private final Optional<String> name;
        private final boolean fromStage;
        private final List<String> runs = new ArrayList<>();

        StageBuilder(String base, Optional<String> name, boolean fromStage) {
            this.base = base;
            this.name = name;
            this.fromStage = fromStage;
        }

        Stage build() {
            return new Stage(base, name, fromStage, runs);
        }
    }
}
