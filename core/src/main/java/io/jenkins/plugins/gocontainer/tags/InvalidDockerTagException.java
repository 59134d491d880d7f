package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;

/** A tag policy produced a tag that registries would refuse. */
public class InvalidDockerTagException extends GocbException {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String rule;

    public InvalidDockerTagException(String tag, String rule, String problem) {
        super("invalid image tag '" + tag + "' from rule '" + rule + "': " + problem,
            "image tags are 1 to " + DockerTag.MAX_LENGTH + " characters of letters, digits, '_', '.' and '-', and do not start with"
                + " '.' or '-' (" + DockerTag.GRAMMAR + "); values from branches and git tags are cleaned up automatically,"
                + " values written in a rule (value, pattern, prefix, suffix) are not",
            "change that rule's value, pattern, prefix or suffix (or the global --prefix/--suffix) so that the tag fits");
        this.tag = tag;
        this.rule = rule;
    }

    public String tag() {
        return tag;
    }

    public String rule() {
        return rule;
    }
}
