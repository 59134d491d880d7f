package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git host reached over SSH: the go command asks for {@code https://HOST/...}, and git is told
 * to fetch {@code ssh://USER@HOST:PORT/...} instead.
 */
public record GitSshHost(String user, String host, int port) implements java.io.Serializable {

    public static final String DEFAULT_USER = "git";
    public static final int DEFAULT_PORT = 22;

    private static final Pattern FORM = Pattern.compile("(?:([^@/:]+)@)?([^:@/]+)(?::([0-9]{1,5}))?");

    public GitSshHost {
        host = HostNames.require(host, "SSH git host");
        HostNames.requirePort(port, "SSH git host " + host);
        if (user == null || !user.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidBuildRequestException("SSH user '" + user + "' for host " + host + " is not valid",
                "the user name goes into an ssh:// URL", "use letters, digits, '.', '_' and '-' (usually 'git')");
        }
    }

    /** Parses {@code [USER@]HOST[:PORT]}; the user defaults to {@code git}, the port to 22. */
    public static GitSshHost parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            throw new InvalidBuildRequestException("'" + text + "' is not an SSH git host",
                "an SSH git host is written [USER@]HOST[:PORT], as in git@github.com or git@git.example.com:2222",
                "give the host the go command fetches from, e.g. {@gitSsh} git@github.com");
        }
        String user = matcher.group(1) == null ? DEFAULT_USER : matcher.group(1);
        int port = matcher.group(3) == null ? DEFAULT_PORT : Integer.parseInt(matcher.group(3));
        return new GitSshHost(user, matcher.group(2), port);
    }

    @Override
    public String toString() {
        return user + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port);
    }
}
