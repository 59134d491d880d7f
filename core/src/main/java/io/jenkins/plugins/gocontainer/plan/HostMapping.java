package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.regex.Pattern;

/**
 * An extra {@code /etc/hosts} entry for the build's RUN steps ({@code docker build --add-host}),
 * for git hosts and proxies that the builder's resolver does not know.
 */
public record HostMapping(String host, String address) implements java.io.Serializable {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public HostMapping {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new InvalidBuildRequestException("invalid host name '" + host + "' in a host mapping",
                "the name becomes an /etc/hosts entry inside the build", "write HOST=IP, e.g. git.internal.example=10.0.0.7");
        }
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            throw new InvalidBuildRequestException("host mapping " + host + ": '" + address + "' is not an IP address",
                "BuildKit writes the address into /etc/hosts as given; a host name there would not resolve",
                "write HOST=IP with an IPv4 or IPv6 address");
        }
    }

    /** Parses {@code HOST=IP} (or {@code HOST:IP} for IPv4, as docker accepts it). */
    public static HostMapping parse(String text) {
        String value = text == null ? "" : text.strip();
        int eq = value.indexOf('=');
        if (eq < 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            eq = value.indexOf(':');
        }
        if (eq <= 0) {
            throw new InvalidBuildRequestException("invalid host mapping '" + text + "'",
                "a host mapping adds an /etc/hosts entry for the build's RUN steps", "write HOST=IP, e.g. git.internal.example=10.0.0.7");
        }
        return new HostMapping(value.substring(0, eq), value.substring(eq + 1));
    }

    @Override
    public String toString() {
        return host + "=" + address;
    }
}
