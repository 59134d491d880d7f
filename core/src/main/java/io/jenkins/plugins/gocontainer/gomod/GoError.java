package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import java.util.List;
import java.util.Objects;

/**
 * A recognised go command failure: its kind, the go command's own lines (verbatim), why it
 * usually happens and what to do.
 */
public record GoError(GoErrorKind kind, List<String> originalLines, String cause, String fix) {

    public GoError {
        Objects.requireNonNull(kind, "kind");
        originalLines = List.copyOf(originalLines);
        if (originalLines.isEmpty()) {
            throw new IllegalArgumentException("a go error keeps at least the line that matched");
        }
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(fix, "fix");
    }

    /** The go command's message, exactly as it printed it. */
    public String originalMessage() {
        return String.join("\n", originalLines);
    }

    /** A failure whose message is the go command's own message followed by why and what to do. */
    public GocbException toException() {
        return new GocbException("go failed:\n" + originalMessage(), cause, fix);
    }
}
