package io.jenkins.plugins.gocontainer.gomod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The checksums go.sum records: {@code path version h1:...} for module zips, {@code path version/go.mod h1:...} for go.mod files. */
public final class GoSum {

    private final Set<String> lines;

    private GoSum(Set<String> lines) {
        this.lines = Set.copyOf(lines);
    }

    /** Reads go.sum; a module without go.sum has no checksums. */
    public static GoSum read(Path goSum) throws IOException {
        try {
            return parse(Files.readString(goSum));
        } catch (NoSuchFileException e) {
            return new GoSum(Set.of());
        }
    }

    public static GoSum parse(String text) {
        Set<String> lines = new HashSet<>();
        for (String line : text.split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3) {
                lines.add(String.join(" ", words));
            }
        }
        return new GoSum(lines);
    }

    /** Whether go.sum records this checksum of the module's zip. */
    public boolean recordsZip(ModuleVersion module, String hash) {
        return lines.contains(module.path() + " " + module.version() + " " + hash);
    }

    /** Whether go.sum records this checksum of the module's go.mod file. */
    public boolean recordsGoMod(ModuleVersion module, String hash) {
        return lines.contains(module.path() + " " + module.version() + "/go.mod " + hash);
    }
}
