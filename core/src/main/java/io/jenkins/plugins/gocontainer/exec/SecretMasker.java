package io.jenkins.plugins.gocontainer.exec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces every known secret value in a line of output with {@value #MASK}.
 *
 * <p>Secrets are registered before a command starts, so that its first byte of output is already
 * masked. Each secret is also registered in the forms in which tools commonly echo it: Base64
 * (standard and URL-safe, with and without padding), URL-encoded, and, for multi-line material
 * such as private keys, line by line.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    /** Lines of a multi-line secret shorter than this are not masked on their own (e.g. "}"). */
    private static final int MIN_LINE_SECRET = 8;

    /** Longest first, so that a secret containing another is masked whole. Replaced, never mutated. */
    private volatile List<String> secrets = List.of();

    public static SecretMasker none() {
        return new SecretMasker();
    }

    /** Registers a secret value and its encoded forms. Blank values are ignored. */
    public SecretMasker register(String secret) {
        if (secret == null || secret.isBlank()) {
            return this;
        }
        Set<String> forms = new TreeSet<>();
        addForms(forms, secret.strip());
        if (secret.strip().contains("\n")) {
            secret.strip().lines()
                .map(String::strip)
                .filter(line -> line.length() >= MIN_LINE_SECRET && !line.startsWith("-----"))
                .forEach(line -> addForms(forms, line));
        }
        synchronized (this) {
            forms.addAll(secrets);
            secrets = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
        return this;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** A sink that masks each line before passing it on. */
    public OutputSink masking(OutputSink sink) {
        return line -> sink.line(mask(line));
    }

    private static void addForms(Set<String> forms, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        forms.add(value);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        forms.add(base64);
        forms.add(stripPadding(base64));
        String urlBase64 = Base64.getUrlEncoder().encodeToString(bytes);
        forms.add(urlBase64);
        forms.add(stripPadding(urlBase64));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static String stripPadding(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }
}
