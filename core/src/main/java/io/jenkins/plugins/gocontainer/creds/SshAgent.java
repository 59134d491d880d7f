package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A private {@code ssh-agent} for one build, holding a passphrase-protected key so that BuildKit
 * can forward it. The agent runs in the foreground with its socket in the build's
 * {@link SecretDirectory}, and {@link #close()} stops it. The passphrase reaches {@code ssh-add}
 * through {@code SSH_ASKPASS} and the environment, never through argv.
 *
 * <p>A JVM killed with SIGKILL runs no shutdown hook, so the agent is started
 * {@linkplain CommandRunner#endingWithThisProcess() ending with this JVM}: no process holds the
 * decrypted key a second after gocb is gone.
 */
public final class SshAgent implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final String SOCKET_NAME = "agent.sock";
    private static final String INSTALL_OPENSSH = "install the OpenSSH client (apt-get install openssh-client, or ./dev/setup)";
    private static final String ANSWERED_MARKER = "askpass-answered";
    private static final String ASKED_AGAIN_MARKER = "askpass-asked-again";
    /*
     * ssh-add asks again after a wrong passphrase, for as long as askpass answers: answering only the
     * first prompt turns a wrong passphrase into a failure instead of an endless loop.
     */
    private static final String ASKPASS = """
        #!/bin/sh
        if [ -e "$GOCB_ASKPASS_ANSWERED" ]; then : > "$GOCB_ASKPASS_ASKED_AGAIN"; exit 1; fi
        : > "$GOCB_ASKPASS_ANSWERED"
        printf '%s\\n' "$GOCB_SSH_PASSPHRASE"
        """;

    private final Process process;
    private final CommandRunner runner;
    private final Path socket;
    private final SecretDirectory directory;
    private final Thread shutdownHook;

    private SshAgent(Process process, CommandRunner runner, Path socket, SecretDirectory directory) {
        this.process = process;
        this.runner = runner;
        this.socket = socket;
        this.directory = directory;
        this.shutdownHook = new Thread(this::stop, "gocb-ssh-agent-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code ssh-agent -D} with its socket in {@code directory}, through {@code runner} (its PATH, its stop). */
    public static SshAgent start(SecretDirectory directory, CommandRunner runner) throws IOException, InterruptedException {
        Path socket = directory.path().resolve(SOCKET_NAME);
        Process process = runner.withMissingProgramRemedy(INSTALL_OPENSSH).endingWithThisProcess()
            .startInBackground(Command.of("ssh-agent", "-D", "-a", socket.toString()), ProcessBuilder.Redirect.DISCARD);
        SshAgent agent = new SshAgent(process, runner, socket, directory);
        try {
            awaitSocket(agent, process, socket);
        } catch (InterruptedException | RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    private static void awaitSocket(SshAgent agent, Process process, Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                agent.close();
                throw new GocbException("ssh-agent did not start (exit " + (process.isAlive() ? "none, timed out" : process.exitValue()) + ")",
                    "gocb starts a private agent to hold a passphrase-protected key for the build",
                    "check that ssh-agent runs on this machine (ssh-agent -D -a /tmp/test.sock), or load the key into"
                        + " your own agent and use {@sshAgent}");
            }
            Thread.sleep(20);
        }
    }

    /** The agent socket, for {@code SSH_AUTH_SOCK} and BuildKit's {@code --ssh default=SOCKET}. */
    public Path socket() {
        return socket;
    }

    /** Loads {@code key} with its passphrase for at most {@code lifetime}, a second bound besides the watchdog. */
    public void add(SshKey key, String passphrase, Duration lifetime, CommandRunner runner) throws IOException, InterruptedException {
        Objects.requireNonNull(passphrase, "passphrase");
        directory.register(passphrase);
        Path askpass = directory.path().resolve("askpass");
        if (!Files.exists(askpass)) {
            directory.writeExecutable("askpass", ASKPASS);
        }
        Path answered = directory.path().resolve(ANSWERED_MARKER);
        Path askedAgain = directory.path().resolve(ASKED_AGAIN_MARKER);
        Files.deleteIfExists(answered);
        Files.deleteIfExists(askedAgain);
        Command command = Command.of("ssh-add", "-t", Long.toString(Math.max(1, lifetime.toSeconds())), key.file().toString())
            .withEnvironment(Map.of(
                "SSH_AUTH_SOCK", socket.toString(),
                "SSH_ASKPASS", askpass.toString(),
                "SSH_ASKPASS_REQUIRE", "force",
                "DISPLAY", "gocb",
                "GOCB_SSH_PASSPHRASE", passphrase,
                "GOCB_ASKPASS_ANSWERED", answered.toString(),
                "GOCB_ASKPASS_ASKED_AGAIN", askedAgain.toString()));
        List<String> output = new ArrayList<>();
        CommandResult result = runner.run(command, output::add);
        if (result.succeeded()) {
            return;
        }
        // ssh-add asks again only when the passphrase was wrong.
        if (Files.exists(askedAgain)) {
            throw new InvalidBuildRequestException("the passphrase does not open the SSH key " + key.file(),
                "ssh-add rejected the passphrase read from the environment variable given for it",
                "check that the variable holds this key's passphrase (test with: ssh-keygen -y -f " + key.file() + ")");
        }
        throw new InvalidBuildRequestException("ssh-add could not load the SSH key " + key.file() + ":\n" + result.lastLinesText(),
            "the private agent refused the key",
            "check the key with ssh-keygen -y -f " + key.file() + ", or load it into your own agent and use {@sshAgent}");
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the agent (its keys go with it). Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run; stopping twice is harmless
        }
        stop();
    }

    private void stop() {
        if (process.isAlive()) {
            runner.withGracePeriod(STOP_TIMEOUT).stop(process);
        }
    }

    @Override
    public String toString() {
        return "SshAgent[" + socket + (process.isAlive() ? "" : ", stopped") + "]";
    }
}
