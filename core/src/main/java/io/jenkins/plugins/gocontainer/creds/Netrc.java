package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A {@code .netrc} for HTTPS git hosts: one {@code machine/login/password} entry per host, the
 * token read from an environment variable. Handed to the build as a BuildKit secret.
 */
public final class Netrc {

    /** Secret id under which the file is usually mounted ({@code /root/.netrc}). */
    public static final String SECRET_ID = "netrc";

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LOGIN = Pattern.compile("[^\\s#\"']+");

    /** One host. {@link #toString()} never shows the token. */
    public record Entry(String host, String login, String token) {

        public Entry {
            host = HostNames.require(host, "netrc host");
            if (login == null || !LOGIN.matcher(login).matches()) {
                throw new InvalidBuildRequestException("netrc login for host " + host + " is missing or contains spaces or quotes",
                    "netrc fields are separated by white space; most git hosts accept any non-empty login with a token"
                        + " (e.g. 'oauth2' for GitLab, 'x-access-token' for GitHub apps)",
                    "give a login without spaces, quotes or '#'");
            }
            if (token == null || token.isBlank()) {
                throw new InvalidBuildRequestException("netrc host " + host + " has no token",
                    "a netrc entry without a password cannot authenticate; git would prompt and the build would hang or fail",
                    "give the token through an environment variable ({@netrc.tokenVariable} VAR), or remove the host");
            }
            if (token.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidBuildRequestException("the token for netrc host " + host + " contains white space",
                    "usually a trailing newline or a pasted line break in the credential",
                    "store the token without white space");
            }
        }

        @Override
        public String toString() {
            return "Entry[host=" + host + ", login=" + login + ", token=****]";
        }
    }

    private final List<Entry> entries;

    private Netrc(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Netrc of(List<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            throw new InvalidBuildRequestException("no netrc hosts were given", "a .netrc needs at least one host",
                "give {@netrc.host} HOST {@netrc.login} USER {@netrc.tokenVariable} VAR");
        }
        Set<String> hosts = new HashSet<>();
        for (Entry entry : entries) {
            if (!hosts.add(entry.host())) {
                throw new InvalidBuildRequestException("netrc host " + entry.host() + " is given twice",
                    "git and the go command use the first entry for a host, so the second token would be ignored",
                    "give each host once");
            }
        }
        return new Netrc(entries);
    }

    /**
     * An entry whose token is the value of the environment variable {@code tokenVariable} in
     * {@code environment}. A missing or empty variable is an error naming the variable.
     */
    public static Entry entryFromEnvironment(String host, String login, String tokenVariable,
                                             Map<String, String> environment) {
        String checkedHost = HostNames.require(host, "netrc host");
        String token = tokenFromEnvironment(tokenVariable, environment, "the token for netrc host " + checkedHost);
        return new Entry(checkedHost, login, token);
    }

    /** Reads a secret from the environment; the error names the variable, never a value. */
    static String tokenFromEnvironment(String variable, Map<String, String> environment, String purpose) {
        Objects.requireNonNull(environment, "environment");
        if (variable == null || !VARIABLE.matcher(variable).matches()) {
            throw new InvalidBuildRequestException("'" + variable + "' is not a valid environment variable name (" + purpose + ")",
                "variable names are letters, digits and '_', not starting with a digit",
                "give the name of the variable that holds the token, not the token itself");
        }
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new InvalidBuildRequestException("environment variable " + variable + " is " + (value == null ? "not set" : "empty")
                + " (" + purpose + ")",
                "secrets are read from the environment, never from command-line flags, and the variable was not"
                    + " bound for this build",
                "set it before running gocb (export " + variable + "=...), or in Jenkins bind the credential with"
                    + " withCredentials([string(credentialsId: 'ID', variable: '" + variable + "')]) { ... }");
        }
        return value;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The .netrc text. It contains tokens: write it only with {@link #writeTo(SecretDirectory)}. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append("machine ").append(entry.host())
                .append("\nlogin ").append(entry.login())
                .append("\npassword ").append(entry.token()).append('\n');
        }
        return text.toString();
    }

    /** Every secret value in this file, for the masker. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        entries.forEach(entry -> secrets.add(entry.token()));
        return secrets;
    }

    /** Registers every token, then writes the file {@code netrc} (0600) into the directory. */
    public Path writeTo(SecretDirectory directory) {
        secrets().forEach(directory::register);
        return directory.write(SECRET_ID, text());
    }

    @Override
    public String toString() {
        return "Netrc" + entries;
    }
}
