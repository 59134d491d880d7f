package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the agent's go command (on the PATH, or where the user says) and asks it its version, with
 * GOTOOLCHAIN=local so that go answers for itself instead of switching to another toolchain.
 */
public final class GoToolchainFinder {

    /** Look the go command up on the PATH. */
    public static final String ON_PATH = "go";

    private final CommandRunner runner;

    public GoToolchainFinder(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * @param go          {@value #ON_PATH} (looked up on the PATH of {@code environment}, else of this process), the
     *                    path of a go executable, or a Go installation directory (GOROOT, or its bin directory)
     * @param environment the environment go will run with (its PATH is searched)
     * @param needed      the module's go line, to say which Go to install when none is found; may be null
     * @throws CommandNotFoundException when there is no go command there
     */
    public GoToolchain find(String go, Map<String, String> environment, GoVersion needed) throws IOException, InterruptedException {
        String wanted = go == null || go.isBlank() ? ON_PATH : go.strip();
        Path executable = wanted.contains("/") ? atPath(Path.of(wanted).toAbsolutePath()) : onPath(wanted, environment);
        if (executable == null) {
            throw new CommandNotFoundException(wanted, installRemedy(needed), null);
        }
        return new GoToolchain(executable, version(executable, environment));
    }

    static String installRemedy(GoVersion needed) {
        return "install Go" + (needed == null ? "" : " " + needed + " or newer") + " on the agent (https://go.dev/doc/install) and put"
                + " its bin directory on the PATH, or give gocb the go executable (gocb vendor --go /usr/local/go/bin/go)";
    }

    private static Path atPath(Path path) {
        List<Path> candidates = Files.isDirectory(path) ? List.of(path.resolve("bin/go"), path.resolve("go")) : List.of(path);
        return candidates.stream().filter(GoToolchainFinder::isExecutableFile).findFirst().orElse(null);
    }

    private static Path onPath(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name).toAbsolutePath();
                if (isExecutableFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private GoVersion version(Path executable, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> local = new LinkedHashMap<>(environment);
        local.put("GOTOOLCHAIN", "local");
        List<String> goVersion = run(new Command(List.of(executable.toString(), "env", "GOVERSION"), local, null));
        if (goVersion != null && !goVersion.isEmpty() && !goVersion.get(0).isBlank()) {
            return GoVersion.ofToolchain(goVersion.get(0));
        }
        // Go before 1.16 has no GOVERSION; `go version` prints "go version go1.15.2 linux/amd64".
        List<String> version = run(new Command(List.of(executable.toString(), "version"), local, null));
        if (version == null || version.isEmpty()) {
            throw new GocbException("the go command at " + executable + " does not tell its version",
                    "'go env GOVERSION' and 'go version' both failed: the file is not a working Go toolchain",
                    "check the installation (run '" + executable + " version'), or give gocb another go executable");
        }
        return GoVersion.ofToolchain(version.get(0).replaceFirst("^go version ", ""));
    }

    /** The command's output, or null when it failed. */
    private List<String> run(Command command) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        CommandResult result = runner.run(command, lines::add);
        return result.succeeded() ? lines : null;
    }
}
