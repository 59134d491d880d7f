package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.GocbException;

/** A cache could not be packed, stored, read or restored. */
public class CacheException extends GocbException {

    private static final long serialVersionUID = 1L;

    public CacheException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }

    public CacheException(String problem, String reason, String remedy, Throwable cause) {
        super(problem, reason, remedy, cause);
    }
}
