package io.jenkins.plugins.gocontainer.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The part of Handlebars that tag rules use: literal text and {@code {{name}}} placeholders (spaces inside
 * the braces allowed). Anything else in braces is rejected rather than printed, so a typo cannot become a tag.
 * Also used for the values stamped into a binary ({@code {{.Version}}}), where a typo must not become a version.
 */
public final class Template {

    /** A literal piece of text, or a placeholder when {@code name} is not null. */
    private record Part(String text, String name) {
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code source}, accepting only the placeholder names in {@code allowed}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the caller to put in context
     */
    public static Template parse(String source, Set<String> allowed) {
        List<Part> parts = new ArrayList<>();
        int position = 0;
        while (position < source.length()) {
            int open = source.indexOf("{{", position);
            if (open < 0) {
                parts.add(new Part(source.substring(position), null));
                break;
            }
            if (open > position) {
                parts.add(new Part(source.substring(position, open), null));
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("'{{' at position " + (open + 1) + " is not closed by '}}'");
            }
            String name = source.substring(open + 2, close).strip();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder '{{" + name + "}}'; the known ones are "
                    + String.join(", ", new TreeSet<>(allowed).stream().map(known -> "{{" + known + "}}").toList()));
            }
            parts.add(new Part(null, name));
            position = close + 2;
        }
        if (parts.stream().anyMatch(part -> part.name() == null && part.text().contains("}}"))) {
            throw new IllegalArgumentException("'}}' without an opening '{{'");
        }
        return new Template(source, parts);
    }

    boolean hasPlaceholders() {
        return parts.stream().anyMatch(part -> part.name() != null);
    }

    /** The placeholder names the template uses, in order of first use. */
    public List<String> placeholders() {
        return parts.stream().map(Part::name).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** True when the template is exactly one placeholder, e.g. {@code {{raw}}} or {@code {{ raw }}}. */
    boolean isOnly(String name) {
        return parts.size() == 1 && name.equals(parts.get(0).name());
    }

    public String render(UnaryOperator<String> values) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(part.name() == null ? part.text() : values.apply(part.name()));
        }
        return text.toString();
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
