package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import java.nio.file.Path;
import java.util.List;

/** vendor/modules.txt does not match go.mod: {@code go build -mod=vendor} would stop with "inconsistent vendoring". */
public class InconsistentVendoringException extends GocbException {

    private static final long serialVersionUID = 1L;

    static final String REASON = "go.mod changed after `go mod vendor` last ran (a dependency was added, upgraded or replaced), "
            + "or vendor/ was edited by hand, is incomplete, or was partly left out of the checkout or the build context";

    private final List<String> problems;

    public InconsistentVendoringException(Path module, List<String> problems) {
        super("vendor/modules.txt in " + module + " does not match go.mod (inconsistent vendoring):\n\t" + String.join("\n\t", problems),
                REASON, remedy(module));
        this.problems = List.copyOf(problems);
    }

    /** The inconsistencies, worded as the go command words them. */
    public List<String> problems() {
        return problems;
    }

    static String remedy(Path module) {
        return "run `go mod vendor` in " + module + " and commit vendor/ together with go.mod and go.sum "
                + "(check that .gitignore and .dockerignore do not exclude vendor/); or build without vendor/ (-mod=mod, gocb vendor --mode download)";
    }
}
