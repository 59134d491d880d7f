package io.jenkins.plugins.gocontainer.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's own files (examples, dev scripts) from a test running in any module. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("dev/setup")) && Files.isDirectory(dir.resolve("examples"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a directory with dev/setup) above " + Path.of("").toAbsolutePath());
    }

    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }

    public static Path devScript(String name) {
        return root().resolve("dev").resolve(name);
    }
}
