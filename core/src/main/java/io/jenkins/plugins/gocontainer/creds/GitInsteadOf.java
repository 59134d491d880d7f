package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Git configuration ({@code url.<base>.insteadOf}) that sends HTTPS URLs of SSH hosts over SSH,
 * and optionally SSH URLs of token hosts over HTTPS. Handed to the build as the {@code gitconfig}
 * secret, next to the netrc and the SSH forwarding.
 */
public final class GitInsteadOf {

    public static final String SECRET_ID = "gitconfig";

    private final Map<String, String> rewrites = new LinkedHashMap<>();
    private final Map<String, String> kinds = new LinkedHashMap<>();

    /** {@code https://HOST/} is fetched as {@code ssh://git@HOST/} (the go command asks for HTTPS). */
    public GitInsteadOf ssh(String host) {
        return ssh(host, 22, "git");
    }

    /** {@code https://HOST/} is fetched as {@code ssh://USER@HOST:PORT/}. */
    public GitInsteadOf ssh(String host, int port, String user) {
        String name = claim(host, "ssh");
        HostNames.requirePort(port, "SSH host " + name);
        if (user == null || !user.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidBuildRequestException("SSH user for host " + name + " is not valid",
                "the user name goes into an ssh:// URL", "use letters, digits, '.', '_' and '-' (usually 'git')");
        }
        String base = "ssh://" + user + "@" + name + (port == 22 ? "" : ":" + port) + "/";
        add(base, "https://" + name + "/");
        return this;
    }

    public GitInsteadOf ssh(GitSshHost host) {
        return ssh(host.host(), host.port(), host.user());
    }

    /** URLs starting with {@code rewrite.from()} are fetched from {@code rewrite.to()}. */
    public GitInsteadOf rewrite(GitRewrite rewrite) {
        add(rewrite.to(), rewrite.from());
        return this;
    }

    /** SSH URLs of a token host ({@code git@HOST:} and {@code ssh://git@HOST/}) are fetched over HTTPS. */
    public GitInsteadOf https(String host) {
        String name = claim(host, "https");
        add("https://" + name + "/", "ssh://git@" + name + "/");
        add("https://" + name + "/", "git@" + name + ":");
        return this;
    }

    private String claim(String host, String kind) {
        String name = HostNames.require(host, "git host");
        String previous = kinds.putIfAbsent(name, kind);
        if (previous != null) {
            throw new InvalidBuildRequestException("git host " + name + " is configured twice (" + previous + " and " + kind + ")",
                "a host is reached either over SSH (key) or over HTTPS (netrc token), and the rewrites would loop",
                "configure each host once");
        }
        return name;
    }

    private void add(String base, String insteadOf) {
        rewrites.merge(base, insteadOf, (a, b) -> a + "\n" + b);
    }

    public boolean isEmpty() {
        return rewrites.isEmpty();
    }

    /** The same configuration as {@code url.BASE.insteadOf=PREFIX} entries, for {@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n}. */
    public java.util.List<Map.Entry<String, String>> entries() {
        java.util.List<Map.Entry<String, String>> entries = new java.util.ArrayList<>();
        rewrites.forEach((base, insteadOfs) -> insteadOfs.lines().forEach(i -> entries.add(Map.entry("url." + base + ".insteadOf", i))));
        return entries;
    }

    /** The git config text (for {@code GIT_CONFIG_GLOBAL} or {@code ~/.gitconfig}). */
    public String text() {
        StringBuilder text = new StringBuilder();
        rewrites.forEach((base, insteadOfs) -> {
            text.append("[url \"").append(base).append("\"]\n");
            insteadOfs.lines().forEach(i -> text.append("\tinsteadOf = ").append(i).append('\n'));
        });
        return text.toString();
    }
}
