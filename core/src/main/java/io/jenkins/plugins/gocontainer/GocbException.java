package io.jenkins.plugins.gocontainer;

/**
 * A failure the user can act on. Every message says what happened, why it usually happens and
 * what to do, so that a build log read at 3 a.m. is enough to fix the problem.
 *
 * <p>Messages never carry secret values: they are built from names, paths and masked output only.
 */
public class GocbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String reason;
    private final String remedy;

    public GocbException(String problem, String reason, String remedy) {
        this(problem, reason, remedy, null);
    }

    public GocbException(String problem, String reason, String remedy, Throwable cause) {
        super(format(problem, reason, remedy), cause);
        this.problem = problem;
        this.reason = reason;
        this.remedy = remedy;
    }

    /** What happened, in one sentence. */
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

    private static String format(String problem, String reason, String remedy) {
        StringBuilder text = new StringBuilder(problem);
        if (reason != null && !reason.isBlank()) {
            text.append("\n  Why: ").append(reason);
        }
        if (remedy != null && !remedy.isBlank()) {
            text.append("\n  Fix: ").append(remedy);
        }
        return text.toString();
    }
}
