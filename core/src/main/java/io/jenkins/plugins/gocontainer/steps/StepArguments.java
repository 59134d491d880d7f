package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments a step was called with, as Jenkins binds them (strings, booleans, numbers, lists
 * and maps), under the step's parameter names. Only the arguments that were given are present: an
 * absent one means the default (or the global configuration's value). A value of the wrong shape,
 * or a name the step does not have, is refused with the parameter's name.
 */
public final class StepArguments {

    private final String step;
    private final Map<String, Object> values;

    private StepArguments(String step, Map<String, ?> values) {
        this.step = step;
        Map<String, Object> given = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                given.put(name, value);
            }
        });
        this.values = Collections.unmodifiableMap(given);
    }

    /** {@code values} of the step {@code step}; null and blank values count as not given. */
    public static StepArguments of(String step, Map<String, ?> values) {
        return new StepArguments(step, values);
    }

    public String step() {
        return step;
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Refuses any argument outside {@code parameters}, naming the closest parameter. */
    void requireKnown(Set<String> parameters) {
        for (String name : values.keySet()) {
            if (!parameters.contains(name)) {
                String closest = parameters.stream().min(Comparator.comparingInt(known -> distance(known, name))).orElse("");
                throw new InvalidBuildRequestException(step + " has no parameter '" + name + "'",
                    "its parameters are " + new TreeSet<>(parameters), "did you mean '" + closest + "'? Rename or drop '" + name + "'");
            }
        }
    }

    /** The argument {@code name} as text; null when not given. */
    public String string(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw shape(name, value, "a string", name + ": 'value'");
    }

    boolean flag(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw shape(name, value, "true or false", name + ": true");
    }

    Optional<Boolean> optionalFlag(String name) {
        return has(name) ? Optional.of(flag(name)) : Optional.empty();
    }

    Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        if (value instanceof String text && text.strip().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(text.strip());
        }
        throw shape(name, value, "a whole number", name + ": 10");
    }

    /** A list of strings; a single string counts as a list of one, and its commas or newlines do not split it. */
    List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof String text)) {
                    throw shape(name, value, "a list of strings", name + ": ['a', 'b']");
                }
                if (!text.isBlank()) {
                    strings.add(text);
                }
            }
            return List.copyOf(strings);
        }
        throw shape(name, value, "a list of strings", name + ": ['a', 'b']");
    }

    /** A map of strings; a list of {@code KEY=VALUE} strings is accepted too, as freestyle forms give it. */
    Map<String, String> map(String name) {
        Object value = values.get(name);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (value instanceof Map<?, ?> given) {
            for (Map.Entry<?, ?> entry : given.entrySet()) {
                if (!(entry.getKey() instanceof String key) || entry.getValue() == null || entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                    throw shape(name, value, "a map of strings", name + ": [KEY: 'value']");
                }
                map.put(key, entry.getValue().toString());
            }
            return map;
        }
        for (String pair : strings(name)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw shape(name, value, "a map of strings", name + ": [KEY: 'value']");
            }
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    private InvalidBuildRequestException shape(String name, Object value, String expected, String example) {
        return new InvalidBuildRequestException(step + " parameter '" + name + "' must be " + expected + ", not " + describe(value),
            "each parameter takes one shape", "write it as " + example);
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    @Override
    public String toString() {
        return step + values.keySet();
    }
}
