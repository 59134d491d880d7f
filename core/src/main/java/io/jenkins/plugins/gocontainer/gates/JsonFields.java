package io.jenkins.plugins.gocontainer.gates;

import java.util.List;
import java.util.Map;

/** Lenient reads from parsed JSON: a missing or mistyped field is empty, never an exception. */
final class JsonFields {

    private JsonFields() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object parent, String name) {
        return parent instanceof Map<?, ?> map && map.get(name) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }

    static List<?> array(Object parent, String name) {
        return parent instanceof Map<?, ?> map && map.get(name) instanceof List<?> list ? list : List.of();
    }

    static String text(Object parent, String name) {
        return parent instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : "";
    }

    static int number(Object parent, String name) {
        return parent instanceof Map<?, ?> map && map.get(name) instanceof Number value ? value.intValue() : 0;
    }

    static boolean has(Object parent, String name) {
        return parent instanceof Map<?, ?> map && map.containsKey(name);
    }
}
