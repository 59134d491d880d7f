package io.jenkins.plugins.gocontainer.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static io.jenkins.plugins.gocontainer.exec.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRunnerTest {

    private static final String SECRET = "hunter2-Very-Secret";

    @Test
    void reportsTheExitCodeAndStreamsEveryLine() throws Exception {
        List<String> lines = new ArrayList<>();

        CommandResult result = new CommandRunner(SecretMasker.none(), System.getenv()).run(Command.of("sh", "-c", "echo one; echo two >&2; exit 7"), lines::add);

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.succeeded()).isFalse();
        assertThat(lines).containsExactlyInAnyOrder("one", "two");
        assertThat(result.lastLines()).containsExactlyInAnyOrder("one", "two");
        assertThat(result.elapsed()).isPositive();
    }

    @Test
    void aSuccessfulCommandSucceeds() throws Exception {
        CommandResult result = new CommandRunner(SecretMasker.none(), System.getenv()).run(Command.of("true"), OutputSink.discard());

        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void keepsOnlyTheLastFortyLinesButStreamsThemAll() throws Exception {
        int total = 100;
        List<String> streamed = new ArrayList<>();

        CommandResult result = new CommandRunner(SecretMasker.none(), System.getenv()).run(Command.of("seq", "1", Integer.toString(total)), streamed::add);

        List<String> all = IntStream.rangeClosed(1, total).mapToObj(Integer::toString).toList();
        assertThat(streamed).containsExactlyElementsOf(all);
        assertThat(result.lastLines()).hasSize(CommandRunner.DEFAULT_TAIL_LINES)
            .containsExactlyElementsOf(all.subList(total - CommandRunner.DEFAULT_TAIL_LINES, total));
        assertThat(result.lastLinesText()).isEqualTo(String.join("\n", result.lastLines()));
    }

    @Test
    void masksRegisteredSecretsInStreamedOutputAndLastLines() throws Exception {
        SecretMasker masker = SecretMasker.none().register(SECRET);
        List<String> streamed = new ArrayList<>();
        Command command = Command.of("sh", "-c", "echo \"token=$TOKEN\"; printf '%s' \"$TOKEN\" | base64")
            .withEnvironment(Map.of("TOKEN", SECRET));

        CommandResult result = new CommandRunner(masker, System.getenv()).run(command, streamed::add);

        assertThat(streamed).containsExactly("token=" + MASK, MASK);
        assertThat(result.lastLines()).containsExactly("token=" + MASK, MASK);
        assertThat(String.join("\n", streamed)).doesNotContain(SECRET)
            .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void passesEnvironmentAndWorkingDirectory(@TempDir Path directory) throws Exception {
        Command command = Command.of("sh", "-c", "echo \"$GOCB_TEST_VALUE\"; pwd -P")
            .withEnvironment(Map.of("GOCB_TEST_VALUE", "value with spaces"))
            .inDirectory(directory);

        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(command);

        assertThat(lines).containsExactly("value with spaces", directory.toRealPath().toString());
    }

    @Test
    void readsNothingFromStandardInput() throws Exception {
        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("sh", "-c", "cat; echo done"));

        assertThat(lines).containsExactly("done");
    }

    @Test
    void aMissingProgramGivesCommandNotFoundNamingIt() {
        String program = "gocb-test-no-such-program-" + ProcessHandle.current().pid();

        assertThatThrownBy(() -> new CommandRunner(SecretMasker.none(), System.getenv()).run(Command.of(program, "--version"), OutputSink.discard()))
            .isInstanceOf(CommandNotFoundException.class)
            .hasMessageContaining("'" + program + "'");
    }

    @Test
    void aMissingProgramCarriesTheConfiguredRemedy() {
        String remedy = "install the frobnicator with ./dev/setup";
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv()).withMissingProgramRemedy(remedy);

        assertThatThrownBy(() -> runner.run(Command.of("gocb-test-no-such-program"), OutputSink.discard()))
            .isInstanceOfSatisfying(CommandNotFoundException.class, e -> assertThat(e.remedy()).isEqualTo(remedy));
    }

    @Test
    void captureReturnsTheOutputLines() throws Exception {
        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("printf", "a\\nb\\n"));

        assertThat(lines).containsExactly("a", "b");
    }

    @Test
    void captureThrowsWithTheExitCodeAndOutputOnFailure() {
        assertThatThrownBy(() -> new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("sh", "-c", "echo went-wrong; exit 5")))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("exited with 5")
            .hasMessageContaining("went-wrong");
    }

    @Test
    void captureMasksSecretsInItsFailureMessage() {
        CommandRunner runner = new CommandRunner(SecretMasker.none().register(SECRET), System.getenv());
        Command command = Command.of("sh", "-c", "echo \"bad $TOKEN\"; exit 2").withEnvironment(Map.of("TOKEN", SECRET));

        assertThatThrownBy(() -> runner.capture(command))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("bad " + MASK)
            .hasMessageNotContaining(SECRET);
    }

    @Test
    void interruptingStopsTheWholeProcessTreePromptly() throws Exception {
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());
        Cancelled cancelled = cancel(runner, "sleep 300 & sleep 300 & wait");

        assertThat(cancelled.failure()).isInstanceOf(InterruptedException.class);
        assertThat(cancelled.afterInterrupt()).isLessThan(Duration.ofSeconds(3));
        assertThat(cancelled.tree()).hasSizeGreaterThanOrEqualTo(3);
        assertNoneRunning(cancelled.tree());
    }

    @Test
    void aCommandEndingWithThisProcessKeepsItsOutputAndExitCode() throws Exception {
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv()).endingWithThisProcess();
        List<String> lines = new ArrayList<>();

        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        long zombiesBefore = orphanedSleepZombies();
        CommandResult result = runner.run(Command.of("sh", "-c", "echo \"$0 $1\"; exit 3", "a b", "c"), lines::add);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(lines).containsExactly("a b c");
        assertThat(ProcessHandle.current().descendants()).as("the watcher is gone with the command").isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").endsWith("sleep 1")
            && p.info().startInstant().map(started::isBefore).orElse(false))).as("the watcher's sleep, orphaned").isEmpty();
        assertThat(orphanedSleepZombies()).as("the watcher's sleep, ended but never reaped").isLessThanOrEqualTo(zombiesBefore);
    }

    @Test
    void interruptingACommandEndingWithThisProcessStopsItAndItsWatcher() throws Exception {
        Cancelled cancelled = cancel(new CommandRunner(SecretMasker.none(), System.getenv()).endingWithThisProcess(), "sleep 300 & sleep 300 & wait");

        assertThat(cancelled.failure()).isInstanceOf(InterruptedException.class);
        assertThat(cancelled.afterInterrupt()).isLessThan(Duration.ofSeconds(3));
        assertNoneRunning(cancelled.tree());
    }

    @Test
    void processesIgnoringTheStopSignalAreKilledAfterTheGracePeriod() throws Exception {
        Duration grace = Duration.ofMillis(500);
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv()).withGracePeriod(grace);
        Cancelled cancelled = cancel(runner, "trap '' TERM; sleep 300 & sleep 300 & wait");

        assertThat(runner.gracePeriod()).isEqualTo(grace);
        assertThat(cancelled.failure()).isInstanceOf(InterruptedException.class);
        assertThat(cancelled.afterInterrupt()).isGreaterThanOrEqualTo(grace).isLessThan(grace.plusSeconds(3));
        assertNoneRunning(cancelled.tree());
    }

    /** Ended sleep processes handed to init unreaped: a watcher that exits without waiting for its sleep leaves one. */
    private static long orphanedSleepZombies() throws IOException {
        long count = 0;
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (stat.contains("(sleep)") && afterName[0].equals("Z") && afterName[1].equals("1")) {
                        count++;
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return count;
    }

    private record Cancelled(Throwable failure, Duration afterInterrupt, List<ProcessHandle> tree) {
    }

    /** Runs {@code sh -c script} on another thread, waits for its two sleeps, interrupts the thread. */
    private static Cancelled cancel(CommandRunner runner, String script) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread thread = new Thread(() -> {
            try {
                runner.run(Command.of("sh", "-c", script), output::add);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "command-runner-test");
        thread.start();
        List<ProcessHandle> tree = awaitTree(2);
        long interrupted = System.nanoTime();
        thread.interrupt();
        thread.join(Duration.ofSeconds(20).toMillis());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - interrupted);
        assertThat(thread.isAlive()).as("runner thread still running after interrupt").isFalse();
        return new Cancelled(failure.get(), elapsed, tree);
    }

    /** This JVM's descendants once the shell has started {@code sleeps} sleep processes. */
    private static List<ProcessHandle> awaitTree(int sleeps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
            long sleeping = tree.stream().filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).count();
            if (sleeping >= sleeps) {
                return tree;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the shell did not start " + sleeps + " sleep processes in time");
    }

    private static void assertNoneRunning(List<ProcessHandle> tree) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<Long> running = running(tree);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            running = running(tree);
        }
        assertThat(running).as("processes of the cancelled command still running").isEmpty();
    }

    private static List<Long> running(List<ProcessHandle> tree) throws IOException {
        List<Long> running = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive() && !isZombie(handle.pid())) {
                running.add(handle.pid());
            }
        }
        return running;
    }

    /** A terminated child not yet reaped by its new parent counts as alive for ProcessHandle; it runs nothing. */
    private static boolean isZombie(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return true;
        }
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException gone) {
            return true;
        }
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state == 'Z' || state == 'X';
    }
}
