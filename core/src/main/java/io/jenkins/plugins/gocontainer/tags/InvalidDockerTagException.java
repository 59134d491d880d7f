package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;

/** A tag policy produced a tag that registries would refuse. */
public class InvalidDockerTagException extends GocbException {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String rule;

    private static final String GRAMMAR_TEXT = "image tags are 1 to " + DockerTag.MAX_LENGTH
        + " characters of letters, digits, '_', '.' and '-', and do not start with '.' or '-' (" + DockerTag.GRAMMAR + ")";

    public InvalidDockerTagException(String tag, String rule, String problem) {
        this("invalid image tag '" + tag + "' from rule '" + rule + "': " + problem,
            GRAMMAR_TEXT + "; values from branches and git tags are cleaned up automatically,"
                + " values written in a rule (value, pattern, prefix, suffix) are not",
            "change that rule's value, pattern, prefix or suffix (or the global {@prefix}/{@suffix}) so that the tag fits", tag, rule);
    }

    private InvalidDockerTagException(String problem, String reason, String remedy, String tag, String rule) {
        super(Kind.INVALID_INPUT, problem, reason, remedy, null);
        this.tag = tag;
        this.rule = rule;
    }

    /** A tag the user wrote out, not one a rule produced. */
    public static InvalidDockerTagException explicit(String tag, String problem) {
        return new InvalidDockerTagException("invalid image tag '" + tag + "': " + problem, GRAMMAR_TEXT,
            "rename the tag, e.g. replace '/' with '-'", tag, "");
    }

    public String tag() {
        return tag;
    }

    public String rule() {
        return rule;
    }
}
