package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Secret values a caller resolved (a Jenkins credential's key, passphrase, token or password),
 * under the names a specification uses for them. The only serializable holder of secret values:
 * a plugin sends it to the agent beside the specification, which holds names only.
 * {@link #toString()} shows the names, never a value.
 */
public final class Secrets implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Secrets none() {
        return new Secrets(Map.of());
    }

    public static Secrets of(Map<String, String> values) {
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "the secret " + name + " has no value");
        });
        return new Secrets(values);
    }

    /** These secrets and {@code name}. */
    public Secrets with(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, () -> "the secret " + name + " has no value"));
        return new Secrets(all);
    }

    public Set<String> names() {
        return values.keySet();
    }

    Map<String, String> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secrets secrets && secrets.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Secrets[");
        values.keySet().forEach(name -> text.append(text.length() > 8 ? ", " : "").append(name).append('=').append(SecretMasker.MASK));
        return text.append(']').toString();
    }
}
