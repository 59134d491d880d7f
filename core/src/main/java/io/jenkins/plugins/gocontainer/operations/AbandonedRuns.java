package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.exec.RunDirectories;

import java.nio.file.Path;

/** What runs killed before they could clean up left in the temporary directory, removed by the next operation, which says so. */
final class AbandonedRuns {

    private AbandonedRuns() {
    }

    static void reap(OperationContext context) {
        for (Path removed : RunDirectories.reapAbandoned(Path.of(System.getProperty("java.io.tmpdir")))) {
            context.log().line("gocb: removed " + removed + ", left behind by a gocb run that was killed before it could clean up");
        }
    }
}
