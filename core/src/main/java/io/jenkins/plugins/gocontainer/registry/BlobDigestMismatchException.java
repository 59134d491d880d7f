package io.jenkins.plugins.gocontainer.registry;

/** A registry served a blob whose bytes do not match its digest or size. */
public class BlobDigestMismatchException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public BlobDigestMismatchException(String problem) {
        super(problem, "the registry, its storage or a proxy on the way served corrupted content",
            "check the registry's storage and any proxy in front of it; the blob must be uploaded again once the cause is fixed");
    }
}
