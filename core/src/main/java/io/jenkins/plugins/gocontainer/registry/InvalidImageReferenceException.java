package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.GocbException;

/** An image reference that does not follow the Docker/OCI reference grammar. */
public class InvalidImageReferenceException extends GocbException {

    private static final long serialVersionUID = 1L;

    public InvalidImageReferenceException(String reference, String what) {
        super(Kind.INVALID_INPUT, "invalid image reference '" + reference + "': " + what,
            "references look like [registry[:port]/]repository[:tag][@sha256:digest]; repository path components are"
                + " lower-case letters, digits and the separators '.', '_', '__' or '-'",
            "write it like registry.example.com:5000/team/service:1.2.3 or 127.0.0.1:5000/hello", null);
    }
}
