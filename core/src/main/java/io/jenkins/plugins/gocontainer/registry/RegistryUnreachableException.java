package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.GocbException;

/** Nothing answers at a registry's address: found before the build, so that it fails in a second instead of after a long build. */
public class RegistryUnreachableException extends GocbException {

    private static final long serialVersionUID = 1L;

    RegistryUnreachableException(String registry, String url, String error, Throwable cause) {
        super(Kind.UNAVAILABLE, "cannot reach the registry " + registry + " (" + url + "): " + error,
            "the registry is down, the host or port is wrong, or a firewall or proxy blocks this machine; nothing was built",
            "check that " + url + " answers from this machine (curl -sS -o /dev/null -w '%{http_code}\\n' " + url
                + " prints an HTTP status), or correct the image name", cause);
    }
}
