package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final Path stateDirectory;
    private final String buildkitd;
    private final String buildctl;

    public EmbeddedBuilder(Path stateDirectory) {
        this(stateDirectory, "buildkitd", "buildctl");
    }

    public EmbeddedBuilder(Path stateDirectory, String buildkitd, String buildctl) {
        this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
        this.buildkitd = buildkitd;
        this.buildctl = buildctl;
    }

    /** {@code $GOCB_STATE_DIR}, else {@code $XDG_STATE_HOME/gocb/buildkit}, else {@code ~/.local/state/gocb/buildkit}. */
    public static Path defaultStateDirectory() {
        String explicit = System.getenv("GOCB_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit, "buildkit");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("gocb").resolve("buildkit");
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
        return BuilderProbe.answers(new BuildctlDriver(buildctl, connection()));
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
            Files.deleteIfExists(socket());
            List<String> argv = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                // Its own session: a Ctrl-C on the gocb that started it must not stop it.
                argv.add("/usr/bin/setsid");
            }
            argv.addAll(List.of(buildkitd,
                "--root", stateDirectory.resolve("root").toString(),
                "--addr", connection().address(),
                "--oci-worker-net=host"));
            // buildkitd leaves empty mount points behind in its TMPDIR; keep them inside its state.
            Path temp = Files.createDirectories(stateDirectory.resolve("tmp"));
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(argv);
                builder.environment().put("TMPDIR", temp.toString());
                process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            } catch (IOException e) {
                throw new GocbException("cannot start the embedded builder: " + buildkitd + " is not installed",
                    "gocb runs its own buildkitd when no builder is configured", "run ./dev/setup, or point --addr at a running buildkitd", e);
            }
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

        static boolean answers(BuildDriver driver) throws InterruptedException {
            try {
                return new CommandRunner(SecretMasker.none()).run(driver.probeCommand(), OutputSink.discard()).succeeded();
            } catch (IOException | GocbException e) {
                return false;
            }
        }
    }
}
