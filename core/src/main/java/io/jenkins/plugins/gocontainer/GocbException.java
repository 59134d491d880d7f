package io.jenkins.plugins.gocontainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure the user can act on. Every message says what happened, why it usually happens and
 * what to do, so that a build log read at 3 a.m. is enough to fix the problem.
 *
 * <p>Messages never carry secret values: they are built from names, paths and masked output only.
 *
 * <p>A message names a setting of an operation's specification as {@code {@key}} (see
 * {@link #setting(String)}); each front end renders it in its own vocabulary with
 * {@link #message(SettingNames)}: the CLI as its long option, a Pipeline step as its parameter.
 */
public class GocbException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern SETTING = Pattern.compile("\\{@([A-Za-z][A-Za-z0-9.]*)}");

    /** What kind of failure this is; each front end maps kinds to its exit codes or build results, in one table. */
    public enum Kind {
        /** The request cannot be carried out as given; nothing ran. */
        INVALID_INPUT,
        /** A component the operation needs (builder, tool, registry) is missing or unreachable. */
        UNAVAILABLE,
        /** The operation ran and failed. */
        FAILED
    }

    private final Kind kind;
    private final String problem;
    private final String reason;
    private final String remedy;

    public GocbException(String problem, String reason, String remedy) {
        this(Kind.FAILED, problem, reason, remedy, null);
    }

    public GocbException(String problem, String reason, String remedy, Throwable cause) {
        this(Kind.FAILED, problem, reason, remedy, cause);
    }

    protected GocbException(Kind kind, String problem, String reason, String remedy, Throwable cause) {
        super(format(problem, reason, remedy, SettingNames.KEYS), cause);
        this.kind = kind;
        this.problem = problem;
        this.reason = reason;
        this.remedy = remedy;
    }

    /** How {@code key}, a setting of an operation's specification, is written in a message. */
    public static String setting(String key) {
        return "{@" + key + "}";
    }

    public Kind kind() {
        return kind;
    }

    /** What happened, in one sentence, with settings as {@code {@key}}. */
    public String problem() {
        return problem;
    }

    /** Why this usually happens; may be empty. */
    public String reason() {
        return reason;
    }

    /** What to do about it; may be empty. */
    public String remedy() {
        return remedy;
    }

    /** The whole message with every setting named as {@code names} spells it. */
    public String message(SettingNames names) {
        return format(problem, reason, remedy, names);
    }

    /** {@code text} with every setting named as {@code names} spells it. */
    public static String render(String text, SettingNames names) {
        if (text == null || text.indexOf("{@") < 0) {
            return text;
        }
        Matcher matcher = SETTING.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(names.name(matcher.group(1))));
        }
        return matcher.appendTail(rendered).toString();
    }

    private static String format(String problem, String reason, String remedy, SettingNames names) {
        StringBuilder text = new StringBuilder(render(problem, names));
        if (reason != null && !reason.isBlank()) {
            text.append("\n  Why: ").append(render(reason, names));
        }
        if (remedy != null && !remedy.isBlank()) {
            text.append("\n  Fix: ").append(render(remedy, names));
        }
        return text.toString();
    }
}
