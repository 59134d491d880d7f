package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

/**
 * A git URL rewrite: URLs that start with {@code from} are fetched from {@code to} instead
 * ({@code git config url.TO.insteadOf FROM}), for mirrors and hosts reached under another name.
 */
public record GitRewrite(String from, String to) implements java.io.Serializable {

    public GitRewrite {
        requireUrl(from, "from");
        requireUrl(to, "to");
    }

    /** Parses {@code FROM=TO}, split at the first '='. */
    public static GitRewrite parse(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidBuildRequestException("'" + text + "' is not a git URL rewrite",
                "a rewrite is written FROM=TO: URLs starting with FROM are fetched from TO",
                "for example {@gitRewrites} https://git.example.com/=https://git-mirror.example.com/");
        }
        return new GitRewrite(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    private static void requireUrl(String url, String side) {
        boolean valid = url != null && !url.isBlank() && url.chars().noneMatch(Character::isWhitespace)
            && (url.matches("[a-z][a-z0-9+.-]*://.+") || url.matches("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.*"));
        if (!valid) {
            throw new InvalidBuildRequestException("git URL rewrite: '" + url + "' (the " + side + " side) is not a URL",
                "both sides are URL prefixes such as https://host/ or ssh://git@host/",
                "write FROM=TO with full URL prefixes");
        }
        if (url.matches("[a-z]+://[^/@]*:[^/@]*@.*")) {
            throw new InvalidBuildRequestException("git URL rewrite: the " + side + " side carries a password",
                "a rewrite is stored in the build's git configuration and shown in logs; credentials do not belong in it",
                "give the token with {@netrc.host}/{@netrc.login}/{@netrc.tokenVariable} instead");
        }
    }
}
