package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSH git host, driven by the real git and ssh clients. */
class GitSshServerIT {

    @TempDir
    Path client;

    @Test
    void servesTheRepositoryWithOrWithoutTheGitSuffix() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository repository = PrivateModuleRepository.createIn(server.repositoryRoot());
            Path knownHosts = knownHosts(server.knownHostsLine("127.0.0.1"));

            for (String path : List.of("team/secretlib", "team/secretlib.git")) {
                FixtureCommand.Result listing = git(server.clientKey(), knownHosts, "ls-remote", server.baseUrl() + path);
                assertThat(listing.exitCode()).as(listing.output()).isZero();
                assertThat(listing.output()).contains(repository.commit() + "\trefs/tags/v1.0.0^{}", "refs/heads/main");
            }
            assertThat(server.baseUrl()).isEqualTo("ssh://" + server.user() + "@127.0.0.1:" + server.port() + "/");
            assertThat(server.log()).contains("Accepted publickey for " + server.user(), "forced-command");
        }
    }

    @Test
    void knownHostsLineIsTheHostKeyForTheAliasAndPort() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            assertThat(server.knownHostsLine("git.internal.test"))
                .matches("\\[git\\.internal\\.test]:" + server.port() + " ssh-ed25519 AAAA[A-Za-z0-9+/]+=*");
            PrivateModuleRepository.createIn(server.repositoryRoot());

            FixtureCommand.Result otherName = git(server.clientKey(), knownHosts(server.knownHostsLine("git.internal.test")),
                "ls-remote", server.baseUrl() + "team/secretlib");
            assertThat(otherName.exitCode()).as("a key recorded for another name does not vouch for 127.0.0.1").isNotZero();
            assertThat(otherName.output()).contains("Host key verification failed");

            FixtureCommand.Result empty = git(server.clientKey(), knownHosts(""), "ls-remote", server.baseUrl() + "team/secretlib");
            assertThat(empty.exitCode()).isNotZero();
            assertThat(empty.output()).contains("Host key verification failed");
        }
    }

    @Test
    void pushesOverGitReceivePack() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            Path knownHosts = knownHosts(server.knownHostsLine("127.0.0.1"));
            Path clone = client.resolve("clone");

            assertThat(git(server.clientKey(), knownHosts, "clone", "--quiet", server.baseUrl() + "team/secretlib", clone.toString()).output())
                .doesNotContain("fatal");
            Files.writeString(clone.resolve("CHANGES.md"), "pushed by a test\n");
            gitIn(clone, server.clientKey(), knownHosts, "add", "CHANGES.md");
            gitIn(clone, server.clientKey(), knownHosts, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "change");
            FixtureCommand.Result push = gitIn(clone, server.clientKey(), knownHosts, "push", "origin", "HEAD:refs/heads/pushed");
            assertThat(push.exitCode()).as(push.output()).isZero();

            FixtureCommand.Result listing = git(server.clientKey(), knownHosts, "ls-remote", server.baseUrl() + "team/secretlib", "refs/heads/pushed");
            assertThat(listing.output()).contains("refs/heads/pushed");
        }
    }

    @Test
    void encryptedKeyIsAuthorisedOnceUnlockedWithThePassphrase() throws Exception {
        RequiredTools.require("ssh-agent", "ssh-add", "ssh-keygen");
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            Path knownHosts = knownHosts(server.knownHostsLine("127.0.0.1"));
            assertThat(FixtureCommand.run(client, Map.of(), List.of("ssh-keygen", "-y", "-P", "", "-f", server.encryptedClientKey().toString()))
                .succeeded()).as("the key needs its passphrase").isFalse();
            assertThat(FixtureCommand.run(client, Map.of(), List.of("ssh-keygen", "-y", "-P", server.passphrase(), "-f", server.encryptedClientKey().toString()))
                .succeeded()).isTrue();

            FixtureCommand.Result locked = git(server.encryptedClientKey(), knownHosts, "ls-remote", server.baseUrl() + "team/secretlib");
            assertThat(locked.exitCode()).as("BatchMode: no passphrase prompt").isNotZero();

            Path socket = client.resolve("agent.sock");
            Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(client.resolve("agent.log").toFile()).start();
            try {
                awaitFile(socket);
                Path askpass = client.resolve("askpass");
                Files.writeString(askpass, "#!/bin/sh\necho '" + server.passphrase() + "'\n");
                askpass.toFile().setExecutable(true, true);
                FixtureCommand.Result added = FixtureCommand.run(client,
                    Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", "none"),
                    List.of("ssh-add", server.encryptedClientKey().toString()));
                assertThat(added.exitCode()).as(added.output()).isZero();

                Map<String, String> environment = gitEnvironment(server.encryptedClientKey(), knownHosts);
                environment.put("SSH_AUTH_SOCK", socket.toString());
                FixtureCommand.Result unlocked = FixtureCommand.run(client, environment,
                    List.of("git", "ls-remote", server.baseUrl() + "team/secretlib"));
                assertThat(unlocked.exitCode()).as(unlocked.output()).isZero();
                assertThat(unlocked.output()).contains("refs/tags/v1.0.0");
            } finally {
                ProcessTree.stop(agent.toHandle());
            }
        }
    }

    @Test
    void refusesTheUnauthorisedKey() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            FixtureCommand.Result refused = git(server.unauthorisedKey(), knownHosts(server.knownHostsLine("127.0.0.1")),
                "ls-remote", server.baseUrl() + "team/secretlib");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("Permission denied (publickey)");
            assertThat(server.log()).contains("Failed publickey for " + server.user());
        }
    }

    @Test
    void runsNothingButGitUploadAndReceivePack() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            Path knownHosts = knownHosts(server.knownHostsLine("127.0.0.1"));
            Files.writeString(server.repositoryRoot().resolve("outside.txt"), "not a repository\n");

            FixtureCommand.Result shell = ssh(server, knownHosts, "id");
            assertThat(shell.exitCode()).isNotZero();
            assertThat(shell.output()).contains("only git-upload-pack and git-receive-pack are served, not: id")
                .doesNotContain("uid=");

            FixtureCommand.Result traversal = ssh(server, knownHosts, "git-upload-pack '/team/../../etc'");
            assertThat(traversal.exitCode()).isNotZero();
            assertThat(traversal.output()).contains("invalid repository path");

            FixtureCommand.Result injection = ssh(server, knownHosts, "git-upload-pack '/team/secretlib'; touch /tmp/gocb-pwned'");
            assertThat(injection.exitCode()).isNotZero();
            assertThat(Path.of("/tmp/gocb-pwned")).doesNotExist();
        }
    }

    @Test
    void closeStopsSshdAndOpenSessionsAndDeletesEverything() throws Exception {
        GitSshServer server = GitSshServer.start();
        Process session = null;
        try {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            Path knownHosts = knownHosts(server.knownHostsLine("127.0.0.1"));
            List<String> argv = new ArrayList<>(List.of(GitSshServer.sshCommand(server.clientKey(), knownHosts).split(" ")));
            argv.addAll(List.of("-p", Integer.toString(server.port()), server.user() + "@127.0.0.1", "git-upload-pack '/team/secretlib'"));
            // upload-pack advertises its refs, then waits for the client's wants: an open session.
            session = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(client.resolve("session.log").toFile()).start();
            List<ProcessHandle> serverSide = awaitUploadPack(server);
            Path config = server.configFile();
            Path root = server.repositoryRoot();

            server.close();

            assertThat(ProcessTree.alive(serverSide)).as("sshd, its session processes and git-upload-pack").isEmpty();
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(config.toString())))
                .as("processes started with " + config).isEmpty();
            assertThat(root).doesNotExist();
            assertThat(config.getParent()).doesNotExist();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close()).isInstanceOf(IOException.class);
            assertThat(session.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the client sees the connection close").isTrue();
        } finally {
            if (session != null) {
                ProcessTree.stop(session.toHandle());
            }
            server.close();
        }
    }

    private static List<ProcessHandle> awaitUploadPack(GitSshServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(server.process());
            server.process().descendants().forEach(tree::add);
            if (tree.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("upload-pack"))) {
                return tree;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no git-upload-pack session appeared under sshd " + server.process().pid());
    }

    private Path knownHosts(String content) throws IOException {
        Path file = Files.createTempFile(client, "known_hosts-", "");
        Files.writeString(file, content.isEmpty() ? "" : content + "\n");
        return file;
    }

    private Map<String, String> gitEnvironment(Path key, Path knownHosts) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOME", Files.createDirectories(client.resolve("home")).toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_SSH_COMMAND", GitSshServer.sshCommand(key, knownHosts));
        return environment;
    }

    private FixtureCommand.Result git(Path key, Path knownHosts, String... args) throws IOException, InterruptedException {
        return gitIn(client, key, knownHosts, args);
    }

    private FixtureCommand.Result gitIn(Path directory, Path key, Path knownHosts, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return FixtureCommand.run(directory, gitEnvironment(key, knownHosts), argv);
    }

    private FixtureCommand.Result ssh(GitSshServer server, Path knownHosts, String remoteCommand) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(GitSshServer.sshCommand(server.clientKey(), knownHosts).split(" ")));
        argv.addAll(List.of("-p", Integer.toString(server.port()), server.user() + "@127.0.0.1", remoteCommand));
        return FixtureCommand.run(client, Map.of("HOME", client.toString()), argv);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " did not appear");
            }
            Thread.sleep(20);
        }
    }
}
