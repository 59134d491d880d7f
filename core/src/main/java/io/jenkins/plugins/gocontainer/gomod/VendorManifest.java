package io.jenkins.plugins.gocontainer.gomod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * vendor/modules.txt, read as the go command reads it: a {@code # path version [=> new [version]]} line per
 * module, {@code ## explicit; go 1.21} annotations, the module's vendored packages, and
 * {@code # path => new} lines for replacements of every version of a path. Lines it does not understand
 * are skipped, as go skips them.
 */
public record VendorManifest(List<Entry> entries) {

    /**
     * One module line and what follows it.
     *
     * @param module      the module (version empty for a {@code # path => new} wildcard replacement)
     * @param explicit    whether go.mod requires it directly ({@code ## explicit})
     * @param goVersion   its go.mod's go version ({@code ## explicit; go 1.21}), or empty
     * @param replacement what replaces it, or null
     * @param packages    the vendored packages
     */
    public record Entry(ModuleVersion module, boolean explicit, String goVersion, ModuleVersion replacement, List<String> packages) {
        public Entry {
            packages = List.copyOf(packages);
        }
    }

    /** The file name inside the vendor directory. */
    public static final String FILE = "modules.txt";

    // A semantic version as golang.org/x/mod/semver accepts it, including the v1 and v1.2 shorthands.
    private static final Pattern SEMVER = Pattern.compile(
            "v(0|[1-9]\\d*)(\\.(0|[1-9]\\d*)(\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)?)?");

    public VendorManifest {
        entries = List.copyOf(entries);
    }

    /** Reads {@code vendor/modules.txt}; an absent file is an empty manifest, as for the go command. */
    public static VendorManifest read(Path vendorDirectory) throws IOException {
        try {
            return parse(Files.readString(vendorDirectory.resolve(FILE)));
        } catch (NoSuchFileException e) {
            return new VendorManifest(List.of());
        }
    }

    public static VendorManifest parse(String text) {
        Map<ModuleVersion, Builder> entries = new LinkedHashMap<>();
        Builder current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("# ")) {
                current = moduleLine(line.split("\\s+"), entries);
            } else if (current == null) {
                continue;
            } else if (line.startsWith("## ")) {
                for (String annotation : line.substring(3).split(";")) {
                    String entry = annotation.strip();
                    if (entry.equals("explicit")) {
                        current.explicit = true;
                    } else if (entry.startsWith("go ")) {
                        current.goVersion = entry.substring(3).strip();
                    }
                }
            } else {
                String[] words = line.strip().split("\\s+");
                if (words.length == 1 && !words[0].isEmpty()) {
                    current.packages.add(words[0]);
                }
            }
        }
        return new VendorManifest(entries.values().stream().map(Builder::build).toList());
    }

    /** The entry of exactly this module version (or wildcard replacement), if the file has one. */
    public Optional<Entry> entry(ModuleVersion module) {
        return entries.stream().filter(e -> e.module().equals(module)).findFirst();
    }

    /** The modules whose packages are vendored: the ones the build takes from vendor/. */
    public List<Entry> vendoredModules() {
        return entries.stream().filter(e -> !e.packages().isEmpty()).toList();
    }

    /** The modules the file marks as replaced. */
    public List<Entry> replaced() {
        return entries.stream().filter(e -> e.replacement() != null).toList();
    }

    private static Builder moduleLine(String[] f, Map<ModuleVersion, Builder> entries) {
        if (f.length < 3) {
            return null;
        }
        ModuleVersion module;
        int rest;
        if (SEMVER.matcher(f[2]).matches()) {
            module = ModuleVersion.of(f[1], f[2]);
            rest = 3;
        } else if (f[2].equals("=>")) {
            module = ModuleVersion.of(f[1], "");
            rest = 2;
        } else {
            return null;
        }
        Builder builder = entries.computeIfAbsent(module, Builder::new);
        int left = f.length - rest;
        if (left >= 2 && f[rest].equals("=>")) {
            if (left == 2) {
                builder.replacement = ModuleVersion.of(f[rest + 1], "");
            } else if (left == 3 && SEMVER.matcher(f[rest + 2]).matches()) {
                builder.replacement = ModuleVersion.of(f[rest + 1], f[rest + 2]);
            }
        }
        return builder;
    }

    private static final class Builder {
        private final ModuleVersion module;
        private boolean explicit;
        private String goVersion = "";
        private ModuleVersion replacement;
        private final List<String> packages = new ArrayList<>();

        Builder(ModuleVersion module) {
            this.module = module;
        }

        Entry build() {
            return new Entry(module, explicit, goVersion, replacement, packages);
        }
    }
}
