package io.jenkins.plugins.gocontainer.buildkit;

import java.util.List;

/** The image was built but the registry refused it or could not be reached. */
public class RegistryPushException extends BuildFailedException {

    private static final long serialVersionUID = 1L;

    public enum Cause { UNREACHABLE, UNAUTHORIZED, OTHER }

    private final Cause cause;

    /** @param error BuildKit's error line, whose end is the registry's answer */
    public RegistryPushException(Cause cause, String names, String error, int exitCode, List<String> lastLines) {
        super(problem(cause, names), reason(cause, error), remedy(cause), exitCode, lastLines);
        this.cause = cause;
    }

    public Cause pushFailure() {
        return cause;
    }

    private static String problem(Cause cause, String names) {
        return switch (cause) {
            case UNREACHABLE -> "the image was built but the registry could not be reached to push " + names;
            case UNAUTHORIZED -> "the image was built but the registry refused the push of " + names + " (not authorized)";
            case OTHER -> "the image was built but pushing " + names + " failed";
        };
    }

    private static String reason(Cause cause, String error) {
        return switch (cause) {
            case UNREACHABLE -> "the registry host or port is wrong, the registry is down, or a firewall/proxy blocks the builder";
            case UNAUTHORIZED -> "the builder had no credentials for this registry, or they lack push rights to the repository";
            case OTHER -> "the registry answered: " + registryAnswer(error);
        };
    }

    /** "unexpected status from PUT request to URL: 500 Internal Server Error", or what follows the last "failed to ...: ". */
    static String registryAnswer(String error) {
        int status = error.indexOf("unexpected status");
        if (status >= 0) {
            return error.substring(status);
        }
        int failed = error.lastIndexOf("failed to ");
        int colon = failed < 0 ? -1 : error.indexOf(": ", failed);
        return colon < 0 ? error : error.substring(colon + 2);
    }

    private static String remedy(Cause cause) {
        return switch (cause) {
            case UNREACHABLE -> "check the registry part of {@images} (host:port); from the builder's host, 'curl http://HOST:PORT/v2/' must answer";
            case UNAUTHORIZED -> "log in so that ~/.docker/config.json (or $DOCKER_CONFIG) has credentials for the registry, with push rights";
            case OTHER -> "fix what the registry reported, then build again (the layers are cached)";
        };
    }
}
