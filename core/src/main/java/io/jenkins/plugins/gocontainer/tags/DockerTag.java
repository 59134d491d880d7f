package io.jenkins.plugins.gocontainer.tags;

import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The image tag grammar of the distribution spec, {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}}: checking a
 * tag, and turning an arbitrary name (a branch, a git tag) into one.
 */
public final class DockerTag {

    public static final int MAX_LENGTH = 128;
    public static final String GRAMMAR = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

    private static final Pattern VALID = Pattern.compile(GRAMMAR);
    private static final Pattern INVALID_RUN = Pattern.compile("[^A-Za-z0-9_.-]+");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[.-]+");

    private DockerTag() {
    }

    public static boolean isValid(String tag) {
        return tag != null && VALID.matcher(tag).matches();
    }

    /** Why {@code tag} is not a valid image tag, or empty when it is. */
    public static Optional<String> problem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (isValid(tag)) {
            return Optional.empty();
        }
        String bad = tag.codePoints()
            .filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')))
            .mapToObj(c -> "'" + new String(Character.toChars(c)) + "'")
            .collect(Collectors.toCollection(TreeSet::new))
            .stream().collect(Collectors.joining(" "));
        if (!bad.isEmpty()) {
            return Optional.of("it contains " + bad + "; only letters, digits, '_', '.' and '-' are allowed");
        }
        if (tag.startsWith(".") || tag.startsWith("-")) {
            return Optional.of("it starts with '" + tag.charAt(0) + "'; a tag must start with a letter, a digit or '_'");
        }
        return Optional.of("it is " + tag.length() + " characters long; the limit is " + MAX_LENGTH);
    }

    /**
     * Replaces every run of characters a tag cannot hold by one {@code -}, as docker/metadata-action does:
     * {@code feature/Foo#12} → {@code feature-Foo-12}. Leading and length are left to {@link #sanitize}.
     */
    public static String replaceInvalidCharacters(String value) {
        return INVALID_RUN.matcher(value).replaceAll("-");
    }

    /**
     * A valid tag made from a name, or an empty string when nothing of it is usable (e.g. {@code "///"}):
     * invalid characters replaced, leading {@code .} and {@code -} dropped, cut to {@code maxLength}.
     */
    public static String sanitize(String name, int maxLength) {
        String tag = LEADING_SEPARATORS.matcher(replaceInvalidCharacters(name)).replaceAll("");
        return tag.length() > maxLength ? tag.substring(0, Math.max(0, maxLength)) : tag;
    }
}
