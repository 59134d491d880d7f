package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * A real git host over SSH: Debian's OpenSSH server on 127.0.0.1 and a free port, running as the
 * current user, that lets the fixture's client keys run only {@code git-upload-pack} and
 * {@code git-receive-pack} on the repositories under {@link #repositoryRoot()}.
 *
 * <p>URLs look like {@code ssh://root@127.0.0.1:PORT/team/secretlib} ({@link #baseUrl()} plus
 * the repository path, {@code .git} optional). The host key is a fresh ed25519 key;
 * {@link #knownHostsLine(String)} gives the line a client needs for strict host key checking.
 * Three client keys are made with ssh-keygen: {@link #clientKey()} (authorised, no passphrase),
 * {@link #encryptedClientKey()} (authorised, protected by {@link #passphrase()}) and
 * {@link #unauthorisedKey()}.
 *
 * <p>{@link #close()} stops sshd and every session it started, and deletes the directory.
 */
public final class GitSshServer implements AutoCloseable {

    private static final String SSHD = "/usr/sbin/sshd";
    private static final Path PRIVILEGE_SEPARATION_DIRECTORY = Path.of("/run/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final int port;
    private final Process process;
    private final SshKeyPair hostKey;
    private final SshKeyPair clientKey;
    private final SshKeyPair encryptedClientKey;
    private final SshKeyPair unauthorisedKey;
    private final String passphrase;

    private GitSshServer(Path directory, int port, Process process, Keys keys) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.hostKey = keys.host();
        this.clientKey = keys.client();
        this.encryptedClientKey = keys.encryptedClient();
        this.unauthorisedKey = keys.unauthorised();
        this.passphrase = keys.passphrase();
    }

    private record Keys(SshKeyPair host, SshKeyPair client, SshKeyPair encryptedClient, SshKeyPair unauthorised, String passphrase) {
    }

    public static GitSshServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(SSHD))) {
            throw new AssertionError("integration tests need OpenSSH's " + SSHD + ", and it is missing. Run: "
                + RequiredTools.SETUP_COMMAND + " (from " + ProjectLayout.root() + ")");
        }
        RequiredTools.require("ssh-keygen", "ssh", "git");
        Path directory = Files.createTempDirectory("gocb-git-ssh-");
        try {
            Files.createDirectories(directory.resolve("repositories"));
            Keys keys = makeKeys(directory);
            Path forcedCommand = GitHostCommand.write(directory.resolve("git-host"), directory.resolve("repositories"), RequiredTools.find("git"));
            Files.writeString(directory.resolve("authorized_keys"), authorizedKeys(forcedCommand, keys));
            createPrivilegeSeparationDirectory();
            return launch(directory, keys);
        } catch (IOException | RuntimeException | Error | InterruptedException e) {
            TempDirectories.delete(directory);
            throw e;
        }
    }

    private static Keys makeKeys(Path directory) throws IOException, InterruptedException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Keys(
            SshKeyPair.generate(directory.resolve("host_ed25519"), "gocb-git-ssh-host", ""),
            SshKeyPair.generate(directory.resolve("client_ed25519"), "gocb-client", ""),
            SshKeyPair.generate(directory.resolve("client_encrypted_ed25519"), "gocb-client-encrypted", passphrase),
            SshKeyPair.generate(directory.resolve("unauthorised_ed25519"), "gocb-unauthorised", ""),
            passphrase);
    }

    private static String authorizedKeys(Path forcedCommand, Keys keys) {
        String options = "restrict,command=\"" + forcedCommand + "\" ";
        return options + keys.client().publicKeyLine() + "\n" + options + keys.encryptedClient().publicKeyLine() + "\n";
    }

    /** sshd running as root refuses to start without its (empty) privilege separation directory. */
    private static void createPrivilegeSeparationDirectory() throws IOException {
        if (isRoot() && !Files.isDirectory(PRIVILEGE_SEPARATION_DIRECTORY)) {
            Files.createDirectories(PRIVILEGE_SEPARATION_DIRECTORY);
        }
    }

    private static GitSshServer launch(Path directory, Keys keys) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = FreePort.pick();
            Path config = directory.resolve("sshd_config");
            Files.writeString(config, config(directory, port, keys.host().privateKey()));
            Path log = directory.resolve("sshd.log");
            Files.deleteIfExists(log);
            ProcessBuilder builder = new ProcessBuilder(SSHD, "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            GitSshServer server = new GitSshServer(directory, port, builder.start(), keys);
            try {
                server.awaitListening();
                return server;
            } catch (IOException e) {
                last = e;
                ProcessTree.stop(server.process.toHandle());
            }
        }
        throw last;
    }

    private static String config(Path directory, int port, Path hostKey) throws IOException {
        return """
            ListenAddress 127.0.0.1:%d
            HostKey %s
            PidFile %s
            AuthorizedKeysFile %s
            StrictModes %s
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AcceptEnv GIT_PROTOCOL
            LogLevel VERBOSE
            """.formatted(port, hostKey, directory.resolve("sshd.pid"), directory.resolve("authorized_keys"),
            strictModesCanPass(directory) ? "yes" : "no");
    }

    /**
     * StrictModes makes sshd refuse an authorized_keys file below any group- or world-writable
     * directory, so it must be off when the fixture lives under /tmp (mode 1777). The fixture's own
     * directory is 0700 and its files are written by this user.
     */
    private static boolean strictModesCanPass(Path directory) throws IOException {
        for (Path dir = directory.toRealPath(); dir != null; dir = dir.getParent()) {
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
            Set<PosixFilePermission> permissions = attributes.permissions();
            String owner = attributes.owner().getName();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                || !(owner.equals("root") || owner.equals(System.getProperty("user.name")))) {
                return false;
            }
        }
        return true;
    }

    private void awaitListening() throws IOException, InterruptedException {
        String ready = "Server listening on 127.0.0.1 port " + port + ".";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = log();
            if (log.contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log);
            }
            Thread.sleep(20);
        }
        throw new IOException("sshd did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s: " + log());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public int port() {
        return port;
    }

    /** The user every client logs in as: the one running sshd. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** {@code ssh://USER@127.0.0.1:PORT/}: append a repository path; also a git {@code insteadOf} base. */
    public String baseUrl() {
        return "ssh://" + user() + "@127.0.0.1:" + port + "/";
    }

    /** The directory whose repositories are served, e.g. {@code team/secretlib.git} as {@code /team/secretlib}. */
    public Path repositoryRoot() {
        return directory.resolve("repositories");
    }

    /** An authorised ed25519 private key without passphrase. */
    public Path clientKey() {
        return clientKey.privateKey();
    }

    /** An authorised ed25519 private key protected by {@link #passphrase()}. */
    public Path encryptedClientKey() {
        return encryptedClientKey.privateKey();
    }

    public String passphrase() {
        return passphrase;
    }

    /** A valid ed25519 private key that the server does not accept. */
    public Path unauthorisedKey() {
        return unauthorisedKey.privateKey();
    }

    /**
     * The known_hosts line for this server reached as {@code hostAlias}:
     * {@code [hostAlias]:PORT ssh-ed25519 AAAA...}. Use {@code 127.0.0.1} when connecting to the
     * address, or the name given to ssh's {@code HostKeyAlias}.
     */
    public String knownHostsLine(String hostAlias) {
        return "[" + hostAlias + "]:" + port + " " + hostKey.typeAndKey();
    }

    /**
     * A {@code GIT_SSH_COMMAND} for a client of this server that uses only {@code identity} and
     * only {@code knownHosts}: no ssh configuration of the user or the system, strict host key
     * checking, and never a prompt (a passphrase comes from an agent or {@code SSH_ASKPASS}).
     * The paths must not contain spaces: git runs the command through the shell.
     */
    public static String sshCommand(Path identity, Path knownHosts) {
        return "ssh -F none -i " + identity + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" + knownHosts
            + " -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes";
    }

    /** The sshd process (the listener); its descendants are the sessions. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public Path configFile() {
        return directory.resolve("sshd_config");
    }

    /** sshd's log so far (LogLevel VERBOSE: connections, accepted and refused keys, forced commands). */
    public String log() throws IOException {
        Path log = directory.resolve("sshd.log");
        return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            ProcessTree.stop(process.toHandle());
        } finally {
            TempDirectories.delete(directory);
        }
    }
}
