package io.jenkins.plugins.gocontainer.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Integration tests run against real components. When one is missing they fail, loudly, with
 * the command that installs it; they are never skipped.
 */
public final class RequiredTools {

    public static final String SETUP_COMMAND = "./dev/setup";

    private RequiredTools() {
    }

    public static void require(String... programs) {
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (find(program) == null) {
                missing.add(program);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("integration tests need " + String.join(", ", missing)
                + " on the PATH, and it is missing. Run: " + SETUP_COMMAND + " (from " + ProjectLayout.root() + ")");
        }
    }

    public static Path find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
