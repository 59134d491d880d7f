package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;

/** A tag rule or flavor setting that cannot be parsed; nothing was computed. */
public class InvalidTagRuleException extends GocbException {

    private static final long serialVersionUID = 1L;

    static final String SYNTAX = "rules use docker/metadata-action's syntax: type=semver,pattern={{version}} (also {{major}}.{{minor}},"
        + " {{major}}, {{major}}.{{minor}}.{{patch}}, {{raw}}) | type=sha[,format=short|long] | type=ref,event=branch|tag|pr"
        + " (or type=branch|tag|pr) | type=raw,value=TAG | type=edge[,branch=NAME]; every rule also takes enable=true|false,"
        + " priority=N, prefix=P and suffix=S";

    public InvalidTagRuleException(String rule, String problem, String remedy) {
        this("tag rule", rule, problem, remedy);
    }

    private InvalidTagRuleException(String what, String text, String problem, String remedy) {
        super(Kind.INVALID_INPUT, "invalid " + what + " '" + text + "': " + problem, SYNTAX, remedy, null);
    }

    /** A bad flavor setting: latest, prefix, suffix or onlatest. */
    static InvalidTagRuleException flavor(String setting, String problem, String remedy) {
        return new InvalidTagRuleException("flavor setting", setting, problem, remedy);
    }
}
