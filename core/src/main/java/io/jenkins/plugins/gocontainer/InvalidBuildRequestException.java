package io.jenkins.plugins.gocontainer;

/** A request that cannot be carried out as given; raised before anything runs. */
public class InvalidBuildRequestException extends GocbException {

    private static final long serialVersionUID = 1L;

    public InvalidBuildRequestException(String problem, String reason, String remedy) {
        this(problem, reason, remedy, null);
    }

    public InvalidBuildRequestException(String problem, String reason, String remedy, Throwable cause) {
        super(Kind.INVALID_INPUT, problem, reason, remedy, cause);
    }
}
