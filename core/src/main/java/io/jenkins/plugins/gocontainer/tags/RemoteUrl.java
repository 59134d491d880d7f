package io.jenkins.plugins.gocontainer.tags;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a git remote URL into one that can be published in an image label: no credentials, web form.
 *
 * <ul>
 *   <li>{@code https://user:token@host/org/repo.git} → {@code https://host/org/repo.git}</li>
 *   <li>{@code git@host:org/repo.git} (scp-like) → {@code https://host/org/repo.git}</li>
 *   <li>{@code ssh://git@host:2222/org/repo.git} → {@code https://host/org/repo.git}</li>
 *   <li>local paths and {@code file://} URLs → nothing: they mean nothing outside this machine</li>
 * </ul>
 */
public final class RemoteUrl {

    private static final Pattern URL = Pattern.compile("(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#]*@)?(?<host>\\[[^]]+]|[^:/?#]+)(?::(?<port>\\d*))?(?<path>[^?#]*).*");
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?(?<host>[^:/]+):(?!//)(?<path>.+)");

    private RemoteUrl() {
    }

    public static Optional<String> publicUrl(String remote) {
        if (remote == null || remote.isBlank()) {
            return Optional.empty();
        }
        String text = remote.strip();
        Matcher url = URL.matcher(text);
        if (url.matches()) {
            String scheme = url.group("scheme").toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                return Optional.empty();
            }
            boolean web = scheme.equals("http") || scheme.equals("https");
            String port = web && url.group("port") != null && !url.group("port").isEmpty() ? ":" + url.group("port") : "";
            String path = url.group("path").startsWith("/") || url.group("path").isEmpty() ? url.group("path") : "/" + url.group("path");
            // ssh:// and git:// name the same repository that the web server shows over https; ssh ports do not carry over.
            return Optional.of((web ? scheme : "https") + "://" + url.group("host") + port + path);
        }
        Matcher scp = SCP_LIKE.matcher(text);
        if (scp.matches() && scp.group("host").length() > 1 && !text.startsWith("/") && !text.startsWith(".")) {
            String path = scp.group("path").replaceFirst("^/+", "");
            return Optional.of("https://" + scp.group("host") + "/" + path);
        }
        return Optional.empty();
    }
}
