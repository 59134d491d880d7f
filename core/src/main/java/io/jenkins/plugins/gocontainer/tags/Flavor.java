package io.jenkins.plugins.gocontainer.tags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings for all rules, as docker/metadata-action's {@code flavor} input: whether to add {@code latest},
 * and a prefix and suffix for every tag that has none of its own, optionally applied to {@code latest} too
 * ({@code onlatest}).
 */
public record Flavor(Latest latest, String prefix, boolean prefixOnLatest, String suffix, boolean suffixOnLatest) {

    /** {@code auto}: {@code latest} when the highest-priority rule that made a tag says so (a release semver or a git tag). */
    public enum Latest {
        AUTO, TRUE, FALSE;

        public static Latest parse(String text) {
            String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "auto" -> AUTO;
                case "true" -> TRUE;
                case "false" -> FALSE;
                default -> throw InvalidTagRuleException.flavor("latest=" + text, "latest must be auto, true or false",
                    "use latest=auto (latest for release versions and git tags), latest=true (always) or latest=false (never)");
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Flavor DEFAULTS = new Flavor(Latest.AUTO, "", false, "", false);

    public Flavor {
        Objects.requireNonNull(latest, "latest");
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        checkExpressions("prefix", prefix);
        checkExpressions("suffix", suffix);
    }

    private static void checkExpressions(String key, String value) {
        try {
            Template.parse(value, TagRuleParser.EXPRESSIONS);
        } catch (IllegalArgumentException e) {
            throw InvalidTagRuleException.flavor(key + "=" + value, e.getMessage(), "only {{branch}}, {{tag}} and {{sha}} are expanded in " + key);
        }
    }

    public static Flavor defaults() {
        return DEFAULTS;
    }

    /**
     * Parses metadata-action flavor lines: {@code latest=auto|true|false}, {@code prefix=P[,onlatest=true]},
     * {@code suffix=S[,onlatest=true]}.
     */
    public static Flavor parse(List<String> lines) {
        Latest latest = Latest.AUTO;
        String prefix = "";
        boolean prefixOnLatest = false;
        String suffix = "";
        boolean suffixOnLatest = false;
        for (String line : lines) {
            String applies = "";
            for (String field : line.split(",")) {
                int equals = field.indexOf('=');
                if (equals < 0) {
                    throw InvalidTagRuleException.flavor(line, "'" + field.strip() + "' is not key=value", "write latest=auto, prefix=P or suffix=S");
                }
                String key = field.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = field.substring(equals + 1).strip();
                switch (key) {
                    case "latest" -> latest = Latest.parse(value);
                    case "prefix" -> {
                        prefix = value;
                        applies = key;
                    }
                    case "suffix" -> {
                        suffix = value;
                        applies = key;
                    }
                    case "onlatest" -> {
                        if (!value.equals("true") && !value.equals("false")) {
                            throw InvalidTagRuleException.flavor(line, "onlatest must be true or false", "write prefix=P,onlatest=true");
                        }
                        if (applies.equals("prefix")) {
                            prefixOnLatest = value.equals("true");
                        } else if (applies.equals("suffix")) {
                            suffixOnLatest = value.equals("true");
                        }
                    }
                    default -> throw InvalidTagRuleException.flavor(line, "unknown flavor key '" + key + "'",
                        "use latest=auto|true|false, prefix=P[,onlatest=true] or suffix=S[,onlatest=true]");
                }
            }
        }
        return new Flavor(latest, prefix, prefixOnLatest, suffix, suffixOnLatest);
    }

    public Flavor withLatest(Latest newLatest) {
        return new Flavor(newLatest, prefix, prefixOnLatest, suffix, suffixOnLatest);
    }

    public Flavor withPrefix(String newPrefix, boolean onLatest) {
        return new Flavor(latest, newPrefix, onLatest, suffix, suffixOnLatest);
    }

    public Flavor withSuffix(String newSuffix, boolean onLatest) {
        return new Flavor(latest, prefix, prefixOnLatest, newSuffix, onLatest);
    }
}
