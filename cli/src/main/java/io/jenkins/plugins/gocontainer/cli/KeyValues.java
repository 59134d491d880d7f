package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the KEY=VALUE style flag values of {@code gocb build}, with errors that show the expected form. */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> pairs(List<String> values, String flag) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new InvalidBuildRequestException("invalid " + flag + " '" + value + "'",
                    flag + " takes KEY=VALUE", "write it like " + flag + " NAME=value");
            }
            pairs.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return pairs;
    }

    /** {@code id=ID,src=FILE} (also {@code source=}), as docker buildx writes it. */
    static Map.Entry<String, String> secret(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : value.split(",")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw badSecret(value);
            }
            fields.put(field.substring(0, eq), field.substring(eq + 1));
        }
        String source = fields.getOrDefault("src", fields.get("source"));
        if (!fields.containsKey("id") || source == null || fields.keySet().stream().anyMatch(k -> !List.of("id", "src", "source", "type").contains(k))) {
            throw badSecret(value);
        }
        return Map.entry(fields.get("id"), source);
    }

    private static InvalidBuildRequestException badSecret(String value) {
        return new InvalidBuildRequestException("invalid --secret '" + value + "'",
            "a secret is read from a file and mounted with RUN --mount=type=secret,id=ID; its value never goes on the command line",
            "write --secret id=netrc,src=/path/to/file");
    }

    /** {@code ID} (the default agent, $SSH_AUTH_SOCK) or {@code ID=SOCKET_OR_KEY[,...]}. */
    static Map.Entry<String, List<String>> ssh(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return Map.entry(value, List.of());
        }
        return Map.entry(value.substring(0, eq), Arrays.stream(value.substring(eq + 1).split(",")).filter(s -> !s.isBlank()).toList());
    }
}
