package io.jenkins.plugins.gocontainer.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses tag rules written as docker/metadata-action's {@code tags} input lines: comma-separated
 * {@code key=value} fields (CSV: a field may be double-quoted to hold a comma), {@code type=...} first by
 * convention, and a field without {@code =} meaning {@code value=}. A line without type is {@code type=raw}.
 *
 * <p>Stricter than metadata-action where silence would hide a mistake: unknown keys, keys given twice and
 * unknown placeholders are errors, and a bare word that names a rule type ({@code sha}) must be spelled out.
 */
public final class TagRuleParser {

    static final Set<String> SEMVER_PLACEHOLDERS = Set.of("version", "major", "minor", "patch", "raw");
    static final Set<String> EXPRESSIONS = Set.of("branch", "tag", "sha");

    private static final Set<String> COMMON_KEYS = Set.of("type", "enable", "priority", "prefix", "suffix");
    private static final Map<String, Set<String>> KEYS_BY_TYPE = Map.of(
        "semver", Set.of("pattern", "value", "match"),
        "sha", Set.of("format"),
        "ref", Set.of("event"),
        "branch", Set.of(),
        "tag", Set.of(),
        "pr", Set.of(),
        "raw", Set.of("value"),
        "edge", Set.of("branch"));
    private static final Set<String> METADATA_ACTION_ONLY_TYPES = Set.of("schedule", "pep440", "match");

    private TagRuleParser() {
    }

    public static List<TagRule> parseAll(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).map(TagRuleParser::parse).toList();
    }

    public static TagRule parse(String line) {
        String text = line == null ? "" : line.strip();
        if (text.isEmpty()) {
            throw new InvalidTagRuleException(text, "the rule is empty", "write a rule such as type=semver,pattern={{version}}, or leave it out");
        }
        Map<String, String> fields = fields(text);
        String type = fields.getOrDefault("type", "raw").toLowerCase(Locale.ROOT);
        String bareWord = fields.getOrDefault("value", "").toLowerCase(Locale.ROOT);
        if (!fields.containsKey("type") && fields.size() == 1 && (typeNames().contains(bareWord) || METADATA_ACTION_ONLY_TYPES.contains(bareWord))) {
            String word = fields.get("value");
            throw new InvalidTagRuleException(text, "'" + word + "' alone is ambiguous: a rule without type= is a fixed tag",
                "write type=" + word + " for the rule, or type=raw,value=" + word + " for a tag named '" + word + "'");
        }
        if (METADATA_ACTION_ONLY_TYPES.contains(type)) {
            throw new InvalidTagRuleException(text, "type=" + type + " is a docker/metadata-action rule type that gocb does not support",
                "use type=semver (with match=REGEX for prefixed tags), type=ref, type=raw, type=sha or type=edge");
        }
        if (!KEYS_BY_TYPE.containsKey(type)) {
            throw new InvalidTagRuleException(text, "unknown rule type '" + type + "'", "use one of type=" + String.join(", type=", typeNames()));
        }
        for (String key : fields.keySet()) {
            if (!COMMON_KEYS.contains(key) && !KEYS_BY_TYPE.get(type).contains(key)) {
                Set<String> known = new TreeSet<>(COMMON_KEYS);
                known.addAll(KEYS_BY_TYPE.get(type));
                known.remove("type");
                throw new InvalidTagRuleException(text, "unknown key '" + key + "' for type=" + type,
                    "remove it; type=" + type + " takes " + String.join(", ", known));
            }
        }
        return switch (type) {
            case "semver" -> semver(text, fields);
            case "sha" -> sha(text, fields);
            case "ref" -> ref(text, fields, refEvent(text, fields));
            case "branch" -> ref(text, fields, TagRule.RefEvent.BRANCH);
            case "tag" -> ref(text, fields, TagRule.RefEvent.TAG);
            case "pr" -> ref(text, fields, TagRule.RefEvent.PR);
            case "edge" -> new TagRule.Edge(options(text, fields, TagRule.Edge.DEFAULT_PRIORITY, null), optional(fields, "branch"));
            default -> raw(text, fields);
        };
    }

    private static Set<String> typeNames() {
        return new TreeSet<>(KEYS_BY_TYPE.keySet());
    }

    private static TagRule semver(String text, Map<String, String> fields) {
        String pattern = fields.get("pattern");
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidTagRuleException(text, "type=semver needs a pattern",
                "add pattern={{version}}, pattern={{major}}.{{minor}}, pattern={{major}} or pattern={{raw}}");
        }
        Template template = template(text, "pattern", pattern, SEMVER_PLACEHOLDERS);
        if (!template.hasPlaceholders()) {
            throw new InvalidTagRuleException(text, "invalid semver pattern '" + pattern + "': it has no placeholder, so every version would get the same tag",
                "use {{version}}, {{major}}, {{minor}}, {{patch}} or {{raw}} in the pattern, or type=raw,value=" + pattern + " for a fixed tag");
        }
        Optional<String> match = optional(fields, "match");
        match.ifPresent(regex -> {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidTagRuleException(text, "match is not a valid regular expression: " + e.getDescription(),
                    "write a Java regular expression whose first group is the version, e.g. match=v(\\d+\\.\\d+\\.\\d+)$");
            }
        });
        return new TagRule.Semver(options(text, fields, TagRule.Semver.DEFAULT_PRIORITY, null), pattern, optional(fields, "value"), match);
    }

    private static TagRule sha(String text, Map<String, String> fields) {
        String format = fields.getOrDefault("format", "short");
        if (!format.equals("short") && !format.equals("long")) {
            throw new InvalidTagRuleException(text, "unknown sha format '" + format + "'", "use format=short (7 characters, the default) or format=long");
        }
        return new TagRule.Sha(options(text, fields, TagRule.Sha.DEFAULT_PRIORITY, "sha-"), format.equals("long"));
    }

    private static TagRule.RefEvent refEvent(String text, Map<String, String> fields) {
        String event = fields.get("event");
        if (event == null) {
            throw new InvalidTagRuleException(text, "type=ref needs an event", "add event=branch, event=tag or event=pr");
        }
        try {
            return TagRule.RefEvent.valueOf(event.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidTagRuleException(text, "unknown ref event '" + event + "'", "use event=branch, event=tag or event=pr");
        }
    }

    private static TagRule ref(String text, Map<String, String> fields, TagRule.RefEvent event) {
        String defaultPrefix = event == TagRule.RefEvent.PR ? "pr-" : null;
        return new TagRule.Ref(options(text, fields, TagRule.Ref.DEFAULT_PRIORITY, defaultPrefix), event);
    }

    private static TagRule raw(String text, Map<String, String> fields) {
        String value = fields.get("value");
        if (value == null || value.isEmpty()) {
            throw new InvalidTagRuleException(text, "type=raw needs a value", "add value=TAG, e.g. type=raw,value=stable");
        }
        template(text, "value", value, EXPRESSIONS);
        return new TagRule.Raw(options(text, fields, TagRule.Raw.DEFAULT_PRIORITY, null), value);
    }

    private static TagRule.Options options(String text, Map<String, String> fields, int defaultPriority, String defaultPrefix) {
        boolean enabled = true;
        if (fields.containsKey("enable")) {
            String enable = fields.get("enable").toLowerCase(Locale.ROOT);
            if (!enable.equals("true") && !enable.equals("false")) {
                throw new InvalidTagRuleException(text, "enable must be true or false, not '" + fields.get("enable") + "'",
                    "write enable=true or enable=false (expressions are not evaluated)");
            }
            enabled = enable.equals("true");
        }
        int priority = defaultPriority;
        if (fields.containsKey("priority")) {
            try {
                priority = Integer.parseInt(fields.get("priority"));
            } catch (NumberFormatException e) {
                throw new InvalidTagRuleException(text, "priority must be a whole number, not '" + fields.get("priority") + "'",
                    "write e.g. priority=1000; higher comes first (semver 900, edge 700, ref 600, raw 200, sha 100)");
            }
        }
        Optional<String> prefix = fields.containsKey("prefix") ? Optional.of(fields.get("prefix")) : Optional.ofNullable(defaultPrefix);
        Optional<String> suffix = Optional.ofNullable(fields.get("suffix"));
        prefix.ifPresent(value -> template(text, "prefix", value, EXPRESSIONS));
        suffix.ifPresent(value -> template(text, "suffix", value, EXPRESSIONS));
        return new TagRule.Options(text, priority, enabled, prefix, suffix);
    }

    static Template template(String text, String key, String value, Set<String> placeholders) {
        try {
            return Template.parse(value, placeholders);
        } catch (IllegalArgumentException e) {
            String what = key.equals("pattern") ? "invalid semver pattern '" + value + "'" : "invalid " + key + " '" + value + "'";
            throw new InvalidTagRuleException(text, what + ": " + e.getMessage(),
                key.equals("pattern") ? "use {{version}}, {{major}}.{{minor}}, {{major}}, {{major}}.{{minor}}.{{patch}} or {{raw}}"
                    : "only {{branch}}, {{tag}} and {{sha}} are expanded in " + key);
        }
    }

    private static Optional<String> optional(Map<String, String> fields, String key) {
        return Optional.ofNullable(fields.get(key)).filter(value -> !value.isEmpty());
    }

    /** The fields of a rule by lower-case key; a field without '=' is the value. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : csvFields(text)) {
            String trimmed = field.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            String key = equals < 0 ? "value" : trimmed.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? trimmed : trimmed.substring(equals + 1).strip();
            if (key.isEmpty()) {
                throw new InvalidTagRuleException(text, "'" + trimmed + "' has no key before '='", "write key=value, e.g. prefix=" + value);
            }
            if (fields.put(key, value) != null) {
                throw new InvalidTagRuleException(text, key + " is given twice", "keep one " + key + "=...; a field without '=' counts as value=");
            }
        }
        return fields;
    }

    private static List<String> csvFields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidTagRuleException(text, "a double quote is not closed", "close the quoted field: \"pattern=...\"");
        }
        fields.add(field.toString());
        return fields;
    }
}
