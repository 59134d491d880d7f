package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of host names given for netrc, known_hosts and git rewrites. */
final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private HostNames() {
    }

    /**
     * Returns the host name in lower case, or throws naming the bad host and the rule.
     *
     * @param what what the host is used for, e.g. "netrc host"
     */
    static String require(String host, String what) {
        if (host == null || host.isBlank()) {
            throw new InvalidBuildRequestException(what + " is missing", "a host name such as git.example.com is required",
                "give the host name only, without scheme, user, port or path");
        }
        String problem = what + " '" + host + "' is not a valid host name";
        if (host.contains("://")) {
            throw new InvalidBuildRequestException(problem, "it contains a URL scheme",
                "give the host name only, e.g. git.example.com instead of https://git.example.com/");
        }
        if (host.contains("@")) {
            throw new InvalidBuildRequestException(what + " is not a valid host name",
                "it contains '@' (a user name, or credentials, in the host)",
                "give the host name only; the user name and token are separate settings");
        }
        if (host.contains("/")) {
            throw new InvalidBuildRequestException(problem, "it contains a path",
                "give the host name only, e.g. git.example.com instead of git.example.com/team/repo");
        }
        if (host.contains(":")) {
            throw new InvalidBuildRequestException(problem, "it contains a port (or is an IPv6 address)",
                "give the host name only and the port separately");
        }
        if (host.length() > 253 || host.startsWith(".") || host.endsWith(".")) {
            throw new InvalidBuildRequestException(problem, "host names are at most 253 characters, without leading or trailing dot",
                "give a host name such as git.example.com");
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidBuildRequestException(problem,
                    "each dot-separated part must be 1-63 letters, digits or '-', not starting or ending with '-'",
                    "give a host name such as git.example.com");
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }

    static int requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new InvalidBuildRequestException(what + " port " + port + " is out of range", "TCP ports are 1-65535",
                "use 22 unless the server listens elsewhere");
        }
        return port;
    }
}
