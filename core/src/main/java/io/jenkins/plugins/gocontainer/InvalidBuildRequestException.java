package io.jenkins.plugins.gocontainer;


/** A build request that cannot be turned into a plan; raised before anything runs. */
public class InvalidBuildRequestException extends GocbException {

    private static final long serialVersionUID = 1L;

    public InvalidBuildRequestException(String problem, String reason, String remedy) {
        super(problem, reason, remedy);
    }
}
