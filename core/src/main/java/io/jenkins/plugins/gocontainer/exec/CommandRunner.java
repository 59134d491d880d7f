package io.jenkins.plugins.gocontainer.exec;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands, streaming their merged output line by line through a {@link SecretMasker} to an
 * {@link OutputSink}.
 *
 * <p>Cancellation: when the calling thread is interrupted while the command runs, the whole
 * process tree is stopped (first politely, then forcibly after {@link #gracePeriod()}), the output
 * is drained, and {@link InterruptedException} is thrown. Nothing is left running.
 *
 * <p>Environment: a child process gets exactly the runner's environment with the command's own
 * variables laid over it, never this JVM's inherited environment (in a Jenkins agent JVM that
 * would be the agent's, not the build's). A program without a slash is looked up on that
 * environment's {@code PATH}, so that a tool installer's {@code go} on the build's PATH is the
 * one that runs.
 */
public final class CommandRunner {

    public static final int DEFAULT_TAIL_LINES = 40;

    private final SecretMasker masker;
    private final Map<String, String> environment;
    private final int tailLines;
    private final Duration gracePeriod;
    private final String missingProgramRemedy;
    private final boolean endsWithThisProcess;

    /*
     * $1 the owner's pid, then the command. A watcher stops the command within a second of the
     * owner's end, which no shutdown hook sees when the JVM is killed with SIGKILL; it writes to
     * /dev/null so that the output ends when the command's does, and takes its sleep with it when
     * stopped, so that nothing outlives the command. A TERM from stop() reaches the command through
     * the trap; the second wait collects its real status.
     */
    private static final String ENDS_WITH_OWNER = """
        owner=$1; shift
        "$@" & child=$!
        ( trap 'kill $s 2>/dev/null; wait $s; exit 0' TERM
          while kill -0 "$owner"; do sleep 1 & s=$!; wait $s; done
          kill "$child" ) >/dev/null 2>&1 & watcher=$!
        trap 'kill "$child" 2>/dev/null' TERM INT HUP
        wait "$child"; status=$?
        while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
        kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
        exit $status
        """;

    /** @param environment every variable a child process gets (before each command's own) */
    public CommandRunner(SecretMasker masker, Map<String, String> environment) {
        this(masker, Map.copyOf(environment), DEFAULT_TAIL_LINES, Duration.ofSeconds(5),
            "install it (./dev/setup installs every tool go-container-build uses)", false);
    }

    private CommandRunner(SecretMasker masker, Map<String, String> environment, int tailLines, Duration gracePeriod, String missingProgramRemedy,
                          boolean endsWithThisProcess) {
        this.masker = masker;
        this.environment = environment;
        this.tailLines = tailLines;
        this.gracePeriod = gracePeriod;
        this.missingProgramRemedy = missingProgramRemedy;
        this.endsWithThisProcess = endsWithThisProcess;
    }

    public CommandRunner withGracePeriod(Duration grace) {
        return new CommandRunner(masker, environment, tailLines, grace, missingProgramRemedy, endsWithThisProcess);
    }

    /** What a "command not found" error should tell the user to do. */
    public CommandRunner withMissingProgramRemedy(String remedy) {
        return new CommandRunner(masker, environment, tailLines, gracePeriod, remedy, endsWithThisProcess);
    }

    /**
     * This runner, with every command it starts stopped within a second of this JVM's end, however
     * it ends (SIGKILL included): for a build client or an agent holding a key, never for a daemon
     * meant to outlive the run. The command runs under a small {@code sh} that watches this JVM.
     */
    public CommandRunner endingWithThisProcess() {
        return new CommandRunner(masker, environment, tailLines, gracePeriod, missingProgramRemedy, true);
    }

    /** The environment every child process starts from. */
    public Map<String, String> environment() {
        return environment;
    }

    public Duration gracePeriod() {
        return gracePeriod;
    }

    public SecretMasker masker() {
        return masker;
    }

    public CommandResult run(Command command, OutputSink sink) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = start(command);
        Deque<String> tail = new ArrayDeque<>(tailLines);
        OutputPump pump = new OutputPump(process, line -> {
            String masked = masker.mask(line);
            synchronized (tail) {
                if (tail.size() == tailLines) {
                    tail.removeFirst();
                }
                tail.addLast(masked);
            }
            sink.line(masked);
        });
        pump.start();
        try {
            int exitCode = process.waitFor();
            pump.join();
            pump.rethrowFailure();
            List<String> last;
            synchronized (tail) {
                last = new ArrayList<>(tail);
            }
            return new CommandResult(exitCode, last, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            ProcessTree.stop(process, gracePeriod);
            pump.join(Math.max(1, gracePeriod.toMillis())); // join(0) would wait forever
            throw e;
        } finally {
            if (process.isAlive()) {
                // An unexpected error on our side: never leave the command behind.
                ProcessTree.stop(process, Duration.ZERO);
            }
        }
    }

    /** Runs a command and returns its output lines; for short queries such as version checks. */
    public List<String> capture(Command command) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        CommandResult result = run(command, lines::add);
        if (!result.succeeded()) {
            throw new IOException("'" + command.toCommandLine() + "' exited with " + result.exitCode() + ":\n" + result.lastLinesText());
        }
        return lines;
    }

    /**
     * Starts a long-running command (a daemon, an agent) whose output goes to {@code output}
     * instead of a sink. The caller owns the process and stops it with {@link #stop(Process)}.
     */
    public Process startInBackground(Command command, ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = processBuilder(command).redirectOutput(output);
        return start(builder, command);
    }

    /** Stops a process this runner started, and every process it started, within the grace period. */
    public void stop(Process process) {
        ProcessTree.stop(process, gracePeriod);
    }

    /** Where {@code program} is found on the runner's PATH (with the command's own PATH, if any). */
    public Optional<Path> locate(String program, Map<String, String> commandEnvironment) {
        if (program.contains("/")) {
            return Optional.of(Path.of(program));
        }
        String path = commandEnvironment.getOrDefault("PATH", environment.getOrDefault("PATH", ""));
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private Process start(Command command) throws IOException {
        return start(processBuilder(command).redirectErrorStream(true), command);
    }

    private ProcessBuilder processBuilder(Command command) {
        Path program = locate(command.program(), command.environment())
            .orElseThrow(() -> new CommandNotFoundException(command.program(), missingProgramRemedy, null));
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, program.toString());
        if (endsWithThisProcess) {
            Path shell = locate("sh", command.environment())
                .orElseThrow(() -> new CommandNotFoundException("sh", "install a POSIX shell (sh) on the agent", null));
            argv.addAll(0, List.of(shell.toString(), "-c", ENDS_WITH_OWNER, "gocb-ends-with-" + ProcessHandle.current().pid(),
                Long.toString(ProcessHandle.current().pid())));
        }
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> variables = builder.environment();
        variables.clear();
        variables.putAll(environment);
        variables.putAll(command.environment());
        if (command.workingDirectory() != null) {
            builder.directory(command.workingDirectory().toFile());
        }
        return builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    private Process start(ProcessBuilder builder, Command command) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("error=2,")) {
                throw new CommandNotFoundException(command.program(), missingProgramRemedy, e);
            }
            throw e;
        }
    }

    /** Reads a process's output on its own thread so that waiting stays interruptible. */
    private static final class OutputPump extends Thread {

        private final Process process;
        private final OutputSink sink;
        private volatile IOException failure;

        OutputPump(Process process, OutputSink sink) {
            super("gocb-output-" + process.pid());
            setDaemon(true);
            this.process = process;
            this.sink = sink;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.line(line);
                }
            } catch (IOException e) {
                if (process.isAlive()) {
                    failure = e;
                }
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw new UncheckedIOException("reading the output of process " + process.pid() + " failed", failure);
            }
        }

        @Override
        public String toString() {
            return getName();
        }
    }

    /** Stops a process and every process it started. */
    static final class ProcessTree {

        private ProcessTree() {
        }

        static void stop(Process process, Duration grace) {
            // Collect descendants before the parent goes: once it exits they are re-parented and lost.
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            awaitExit(process.toHandle(), grace);
            tree.addAll(process.descendants().toList());
            for (ProcessHandle handle : tree) {
                if (handle.isAlive()) {
                    handle.destroyForcibly();
                }
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void awaitExit(ProcessHandle handle, Duration grace) {
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception timeoutOrFailure) {
                // fall through to the forcible stop
            }
        }
    }
}
