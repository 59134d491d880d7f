package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import java.util.List;
import java.util.Optional;

/**
 * A go command failed. The message keeps the go command's own lines verbatim; why and what to do come
 * from {@link GoErrorCatalogue} when it recognises them.
 */
public class GoCommandFailedException extends GocbException {

    private static final long serialVersionUID = 1L;

    private final GoErrorKind kind;
    private final List<String> goLines;

    public GoCommandFailedException(String problem, List<String> goLines, GoErrorKind kind, String reason, String remedy) {
        super(problem + ":\n" + String.join("\n", goLines), reason, remedy);
        this.kind = kind;
        this.goLines = List.copyOf(goLines);
    }

    /**
     * A failure explained by {@link GoErrorCatalogue} when it recognises go's lines, else by the caller's
     * reason and remedy for this command.
     *
     * @param problem what failed, e.g. "go mod download failed in /ws/svc"
     */
    public static GoCommandFailedException explained(String problem, List<String> goLines, String fallbackReason, String fallbackRemedy) {
        return GoErrorCatalogue.explain(goLines)
                .map(error -> new GoCommandFailedException(problem, goLines, error.kind(), error.cause(), error.fix()))
                .orElseGet(() -> new GoCommandFailedException(problem, goLines, null, fallbackReason, fallbackRemedy));
    }

    /** The failure the catalogue recognised, if it did. */
    public Optional<GoErrorKind> goErrorKind() {
        return Optional.ofNullable(kind);
    }

    /** What the go command printed, masked. */
    public List<String> goLines() {
        return goLines;
    }
}
