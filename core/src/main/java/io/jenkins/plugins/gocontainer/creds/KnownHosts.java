package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.GocbException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Validated {@code known_hosts} content and a lookup of {@code HOST[:PORT]}, so that an unknown
 * host key is reported before the build instead of as an SSH failure inside it. Host key checking
 * is never disabled.
 */
public final class KnownHosts {

    /** Secret id under which the file is usually mounted. */
    public static final String SECRET_ID = "known_hosts";

    private static final Pattern KEY_TYPE = Pattern.compile(
        "ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
            + "|sk-ecdsa-sha2-nistp256@openssh\\.com|[a-z0-9.@-]+-cert-v01@openssh\\.com");

    /** One host key line. */
    public record Entry(int line, String marker, String hosts, String keyType, String key) {

        boolean matches(String host, int port) {
            if ("@revoked".equals(marker)) {
                return false;
            }
            String name = port == 22 ? host : "[" + host + "]:" + port;
            if (hosts.startsWith("|1|")) {
                return hashedMatches(hosts, name);
            }
            boolean matched = false;
            for (String pattern : hosts.split(",")) {
                boolean negated = pattern.startsWith("!");
                String p = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
                if (wildcardMatches(p, name)) {
                    if (negated) {
                        return false;
                    }
                    matched = true;
                }
            }
            return matched;
        }
    }

    private final List<Entry> entries;
    private final String text;

    private KnownHosts(List<Entry> entries, String text) {
        this.entries = List.copyOf(entries);
        this.text = text;
    }

    public static KnownHosts read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot read the known_hosts file " + file,
                "the file is missing, unreadable or not text (" + e.getClass().getSimpleName() + ")",
                "check the path, or collect the host keys with ssh-keyscan -p PORT HOST > known_hosts", e);
        }
    }

    /** Parses and validates known_hosts text: each line hosts, key type and a base64 key. */
    public static KnownHosts parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidBuildRequestException("the known_hosts content is empty",
                "without host keys SSH cannot verify the git server, and we never disable host key checking",
                "collect the keys once with ssh-keyscan -p PORT HOST > known_hosts, compare the fingerprints"
                    + " (ssh-keygen -lf known_hosts) with the ones your git server publishes, and pass that file");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(parseLine(i + 1, line));
        }
        if (entries.isEmpty()) {
            return parse("");
        }
        return new KnownHosts(entries, text);
    }

    private static Entry parseLine(int number, String line) {
        String[] fields = line.split("\\s+");
        int f = 0;
        String marker = null;
        if (fields[0].startsWith("@")) {
            marker = fields[0];
            if (!marker.equals("@cert-authority") && !marker.equals("@revoked")) {
                throw malformed(number, "unknown marker " + marker + " (only @cert-authority and @revoked exist)");
            }
            f = 1;
        }
        if (fields.length < f + 3) {
            throw malformed(number, "a line needs host patterns, a key type and a base64 key");
        }
        String hosts = fields[f];
        String type = fields[f + 1];
        String key = fields[f + 2];
        if (hosts.startsWith("|")) {
            String[] parts = hosts.split("\\|", -1);
            if (parts.length != 4 || !parts[1].equals("1") || !isBase64(parts[2]) || !isBase64(parts[3])) {
                throw malformed(number, "a hashed host must look like |1|SALT|HASH (as written by ssh-keygen -H)");
            }
        }
        if (!KEY_TYPE.matcher(type).matches()) {
            throw malformed(number, "'" + type + "' is not an SSH key type (e.g. ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw malformed(number, "the key is not valid base64");
        }
        String blobType = blobType(blob);
        if (!type.equals(blobType)) {
            throw malformed(number, "the key data does not belong to key type " + type + " (truncated or edited line?)");
        }
        return new Entry(number, marker, hosts, type, key);
    }

    private static String blobType(byte[] blob) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(blob);
            int length = buffer.getInt();
            if (length < 0 || length > 100 || length > buffer.remaining()) {
                return null;
            }
            byte[] name = new byte[length];
            buffer.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        } catch (java.nio.BufferUnderflowException e) {
            return null;
        }
    }

    private static boolean isBase64(String text) {
        try {
            return !text.isEmpty() && Base64.getDecoder().decode(text).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static GocbException malformed(int line, String why) {
        return new InvalidBuildRequestException("known_hosts line " + line + " is malformed", why,
            "regenerate the file with ssh-keyscan -p PORT HOST > known_hosts and verify the fingerprints"
                + " (ssh-keygen -lf known_hosts)");
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The content as given. */
    public String text() {
        return text;
    }

    /** Whether a (non-revoked) key for {@code host} on {@code port} is present; port 22 is plain HOST. */
    public boolean contains(String host, int port) {
        String name = HostNames.require(host, "SSH host");
        HostNames.requirePort(port, "SSH host " + name);
        return entries.stream().anyMatch(entry -> entry.matches(name, port));
    }

    /** Throws a clear error when the host has no key, before the build tries to connect. */
    public void requireHost(String host, int port) {
        if (contains(host, port)) {
            return;
        }
        String name = HostNames.require(host, "SSH host");
        String shown = port == 22 ? name : "[" + name + "]:" + port;
        throw new InvalidBuildRequestException("SSH host " + shown + " is not in known_hosts",
            "SSH inside the build would stop with 'Host key verification failed'; the host key was never"
                + " collected" + (port == 22 ? "" : ", or it was collected for port 22 only (a non-standard port"
                + " is stored as [host]:port)") + ". Host key checking is never disabled.",
            "collect the key with gocb known-hosts " + name + (port == 22 ? "" : ":" + port) + " >> known_hosts (or ssh-keyscan -p "
                + port + " " + name + "), verify the fingerprint it shows against the one your git server publishes, then retry");
    }

    private static boolean hashedMatches(String hashed, String name) {
        String[] parts = hashed.split("\\|", -1);
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] actual = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, actual);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** OpenSSH host patterns: '*' any characters, '?' one character. */
    private static boolean wildcardMatches(String pattern, String name) {
        return wildcard(pattern, 0, name, 0);
    }

    private static boolean wildcard(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = p.charAt(pi);
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (wildcard(p, pi + 1, s, k)) {
                    return true;
                }
            }
            return false;
        }
        if (si < s.length() && (c == '?' || c == s.charAt(si))) {
            return wildcard(p, pi + 1, s, si + 1);
        }
        return false;
    }

    @Override
    public String toString() {
        return "KnownHosts[" + entries.size() + " entries]";
    }
}
