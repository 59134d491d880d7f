package io.jenkins.plugins.gocontainer.gomod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What gocb needs from a go.mod file: the module path, the {@code go} and {@code toolchain} lines, the
 * requirements and the replacements. Other directives (exclude, retract, godebug, tool, ignore) are
 * skipped; the go command itself reports their mistakes.
 *
 * @param goVersion the {@code go} directive, or null when there is none
 * @param toolchain the {@code toolchain} line's version ({@code toolchain go1.21.3} gives 1.21.3), or null
 */
public record GoModFile(String module, GoVersion goVersion, GoVersion toolchain, List<ModuleVersion> requirements,
                        List<Replacement> replacements) {

    /** A replace directive: {@code old [version] => new [version]}; a directory replacement has no new version. */
    public record Replacement(ModuleVersion old, ModuleVersion replacement) {
        public Replacement {
            Objects.requireNonNull(old, "old");
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    public GoModFile {
        requirements = List.copyOf(requirements);
        replacements = List.copyOf(replacements);
    }

    public static GoModFile read(Path goMod) throws IOException {
        try {
            return parse(Files.readString(goMod), goMod.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidVendorRequestException("there is no go.mod in " + goMod.getParent(),
                    "the context must be the module root, the directory that holds go.mod (and go.sum)",
                    "point the context at the service's module directory, or create the module with `go mod init`");
        }
    }

    /** @param name where the text comes from, for error messages (e.g. the file's path) */
    public static GoModFile parse(String text, String name) {
        String module = null;
        GoVersion go = null;
        GoVersion toolchain = null;
        List<ModuleVersion> requirements = new ArrayList<>();
        List<Replacement> replacements = new ArrayList<>();
        String block = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Line line = new Line(name, i + 1, GoModTokens.split(lines[i], name, i + 1));
            List<String> words = line.words();
            if (words.isEmpty()) {
                continue;
            }
            String verb;
            List<String> args;
            if (block != null) {
                if (words.equals(List.of(")"))) {
                    block = null;
                    continue;
                }
                verb = block;
                args = words;
            } else if (words.size() == 2 && words.get(1).equals("(")) {
                block = words.get(0);
                continue;
            } else {
                verb = words.get(0);
                args = words.subList(1, words.size());
            }
            switch (verb) {
                case "module" -> module = line.single(args, "module path");
                case "go" -> go = line.version(line.single(args, "go version"));
                case "toolchain" -> {
                    String toolchainName = line.single(args, "toolchain name");
                    toolchain = toolchainName.startsWith("go") ? line.version(toolchainName) : null; // "toolchain default" names none
                }
                case "require" -> requirements.add(line.requirement(args));
                case "replace" -> replacements.add(line.replacement(args));
                default -> {
                    // exclude, retract, godebug, tool, ignore: not needed here
                }
            }
        }
        if (module == null) {
            throw malformed(name, 0, "it has no module directive", "start go.mod with `module <path>` (go mod init writes it)");
        }
        return new GoModFile(module, go, toolchain, requirements, replacements);
    }

    /**
     * The replacement the go command applies to a module version: a replace directive naming this exact
     * version wins over one for every version of the path.
     */
    public Optional<ModuleVersion> replacementOf(ModuleVersion module) {
        for (Replacement r : replacements) {
            if (r.old().equals(module)) {
                return Optional.of(r.replacement());
            }
        }
        for (Replacement r : replacements) {
            if (r.old().path().equals(module.path()) && !r.old().hasVersion()) {
                return Optional.of(r.replacement());
            }
        }
        return Optional.empty();
    }

    static InvalidVendorRequestException malformed(String name, int line, String what, String remedy) {
        return new InvalidVendorRequestException(name + (line > 0 ? ":" + line : "") + ": cannot read go.mod: " + what,
                "go.mod was edited by hand, or a merge left it broken",
                remedy + "; `go mod edit -fmt` and `go mod tidy` report and repair most mistakes");
    }

    private record Line(String name, int number, List<String> words) {

        String single(List<String> args, String what) {
            if (args.size() != 1) {
                throw malformed(name, number, "expected one " + what + ", found " + args, "write the directive as `<verb> <" + what + ">`");
            }
            return args.get(0);
        }

        GoVersion version(String text) {
            try {
                return GoVersion.parse(text);
            } catch (RuntimeException e) {
                throw malformed(name, number, "'" + text + "' is not a Go version", "use a version such as 1.22 or 1.22.3 (toolchain: go1.22.3)");
            }
        }

        ModuleVersion requirement(List<String> args) {
            if (args.size() != 2) {
                throw malformed(name, number, "a requirement needs a module path and a version, found " + args,
                        "write requirements as `require <module path> <version>`");
            }
            return ModuleVersion.of(args.get(0), args.get(1));
        }

        Replacement replacement(List<String> args) {
            int arrow = args.indexOf("=>");
            int before = arrow;
            int after = args.size() - arrow - 1;
            if (arrow < 0 || before < 1 || before > 2 || after < 1 || after > 2) {
                throw malformed(name, number, "a replacement reads `old [version] => new [version]`, found " + args,
                        "write the replacement as `replace <module> [<version>] => <module> <version>` or `=> <directory>`");
            }
            ModuleVersion old = ModuleVersion.of(args.get(0), before == 2 ? args.get(1) : "");
            ModuleVersion replacement = ModuleVersion.of(args.get(arrow + 1), after == 2 ? args.get(arrow + 2) : "");
            return new Replacement(old, replacement);
        }
    }
}
