package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A buildkitd that gocb starts and owns, for machines that have no builder: state in one
 * directory (per user by default), host networking, and a socket next to its state. Started once
 * and reused by later builds until {@link #stop()}.
 *
 * <p>Registries on loopback need no configuration: BuildKit speaks plain HTTP to
 * {@code localhost}, {@code 127.0.0.0/8} and {@code ::1} by itself.
 */
public final class EmbeddedBuilder {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    public static final String STATE_DIR_VARIABLE = "GOCB_STATE_DIR";

    private final Path stateDirectory;
    private final CommandRunner runner;
    private final String buildkitd;
    private final String buildctl;
    private final OutputSink log;

    /** @param runner starts buildkitd and its probes: its environment's PATH finds them */
    public EmbeddedBuilder(Path stateDirectory, CommandRunner runner) {
        this(stateDirectory, runner, "buildkitd", "buildctl");
    }

    public EmbeddedBuilder(Path stateDirectory, CommandRunner runner, String buildkitd, String buildctl) {
        this(stateDirectory, runner, buildkitd, buildctl, OutputSink.discard());
    }

    private EmbeddedBuilder(Path stateDirectory, CommandRunner runner, String buildkitd, String buildctl, OutputSink log) {
        if (!stateDirectory.isAbsolute()) {
            throw new IllegalArgumentException("the state directory must be absolute: " + stateDirectory);
        }
        this.stateDirectory = stateDirectory.normalize();
        this.runner = runner;
        this.buildkitd = buildkitd;
        this.buildctl = buildctl;
        this.log = log;
    }

    /** This builder, saying on {@code sink} what it cleaned up when it starts (what a killed builder left). */
    public EmbeddedBuilder withLog(OutputSink sink) {
        return new EmbeddedBuilder(stateDirectory, runner, buildkitd, buildctl, sink);
    }

    /**
     * From the given environment: {@code $GOCB_STATE_DIR/buildkit}, else
     * {@code $XDG_STATE_HOME/gocb/buildkit}, else {@code $HOME/.local/state/gocb/buildkit}.
     */
    public static Path defaultStateDirectory(Map<String, String> environment) {
        String explicit = environment.get(STATE_DIR_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit, "buildkit");
        }
        String xdg = environment.get("XDG_STATE_HOME");
        String home = environment.get("HOME");
        if ((xdg == null || xdg.isBlank()) && (home == null || home.isBlank())) {
            throw new GocbException("cannot place the embedded builder's state: neither " + STATE_DIR_VARIABLE + ", XDG_STATE_HOME nor HOME is set",
                "with no builder configured, gocb starts its own buildkitd and keeps its cache in a state directory",
                "set " + STATE_DIR_VARIABLE + " (or HOME) in the build's environment, or point the build at a running buildkitd");
        }
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state");
        return base.resolve("gocb").resolve("buildkit");
    }

    public CommandRunner runner() {
        return runner;
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    public Path socket() {
        return stateDirectory.resolve("buildkitd.sock");
    }

    public Path logFile() {
        return stateDirectory.resolve("buildkitd.log");
    }

    public BuilderConnection connection() {
        return BuilderConnection.of("unix://" + socket());
    }

    /** The running buildkitd's process, if the pid file names a live buildkitd. */
    public Optional<ProcessHandle> process() {
        Path pidFile = stateDirectory.resolve("buildkitd.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("buildkitd")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return process().isPresent() && Files.exists(socket());
    }

    /** True when the builder answers a worker listing. */
    public boolean answers() throws InterruptedException {
        return BuilderProbe.answers(new BuildctlDriver(buildctl, connection()), runner);
    }

    /** Starts buildkitd unless it already runs; returns once it answers. */
    public BuilderConnection start() throws IOException, InterruptedException {
        Files.createDirectories(stateDirectory);
        try (FileChannel channel = FileChannel.open(stateDirectory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            if (isRunning() && answers()) {
                return connection();
            }
            stopProcess();
            requireRoot();
            new DeadBuilderLeftovers(stateDirectory, runner).remove(log);
            Files.deleteIfExists(socket());
            List<String> argv = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                // Its own session: a Ctrl-C on the gocb that started it must not stop it.
                argv.add("/usr/bin/setsid");
            }
            String daemon = runner.locate(buildkitd, Map.of()).map(Path::toString).orElseThrow(() -> new CommandNotFoundException(buildkitd,
                "the embedded builder needs buildkitd: run ./dev/setup, or point the build at a running buildkitd (BUILDKIT_HOST)", null));
            argv.addAll(List.of(daemon,
                "--root", stateDirectory.resolve("root").toString(),
                "--addr", connection().address(),
                "--oci-worker-net=host"));
            // buildkitd leaves empty mount points behind in its TMPDIR; keep them inside its state.
            Path temp = Files.createDirectories(stateDirectory.resolve("tmp"));
            Process process = runner.startInBackground(new Command(argv, Map.of("TMPDIR", temp.toString()), null),
                ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            Files.writeString(stateDirectory.resolve("buildkitd.pid"), Long.toString(process.pid()));
            awaitReady(process);
            return connection();
        }
    }

    /** Stops the builder if it runs. Its cache stays in the state directory for the next start. */
    public boolean stop() throws IOException {
        Files.createDirectories(stateDirectory);
        try (FileChannel channel = FileChannel.open(stateDirectory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            return stopProcess();
        }
    }

    private boolean stopProcess() throws IOException {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            ProcessHandle handle = running.get();
            handle.destroy();
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported below through isAlive
                }
            }
            if (handle.isAlive()) {
                throw new IOException("buildkitd (pid " + handle.pid() + ") did not stop; kill it by hand");
            }
        }
        Files.deleteIfExists(stateDirectory.resolve("buildkitd.pid"));
        Files.deleteIfExists(socket());
        return running.isPresent();
    }

    private void awaitReady(Process process) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new GocbException("the embedded builder exited during start-up (exit code " + process.exitValue() + ")",
                    "buildkitd could not set up its worker: " + lastLogLine(),
                    "read " + logFile() + "; buildkitd needs root, runc and an overlay-capable file system (./dev/setup installs runc)");
            }
            if (Files.exists(socket()) && answers()) {
                return;
            }
            Thread.sleep(100);
        }
        stopProcess();
        throw new GocbException("the embedded builder did not answer within " + START_TIMEOUT.toSeconds() + " s",
            "buildkitd started but its socket " + socket() + " did not answer", "read " + logFile());
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new GocbException("the embedded builder needs root",
                "buildkitd runs build steps in runc containers, which needs root unless rootless BuildKit is set up",
                "run gocb as root on this agent, or start a (rootless) buildkitd yourself and pass --addr / BUILDKIT_HOST");
        }
    }

    /** Probes builders with a cheap worker listing. */
    static final class BuilderProbe {

        private BuilderProbe() {
        }

        static boolean answers(BuildDriver driver, CommandRunner runner) throws InterruptedException {
            try {
                return runner.run(driver.probeCommand(), OutputSink.discard()).succeeded();
            } catch (IOException | GocbException e) {
                return false;
            }
        }
    }
}
