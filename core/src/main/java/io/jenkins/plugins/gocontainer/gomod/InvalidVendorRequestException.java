package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

/**
 * A goModVendor request that cannot be carried out as given (no module in the context, an unknown
 * mode, an unreadable go.mod, a cache path that is a file); raised before the go command runs.
 * It is a kind of invalid build request: front ends report both as bad input.
 */
public class InvalidVendorRequestException extends InvalidBuildRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidVendorRequestException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }
}
