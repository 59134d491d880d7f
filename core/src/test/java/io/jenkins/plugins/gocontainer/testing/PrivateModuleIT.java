package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/private, whose dependency {@value PrivateModuleRepository#MODULE_PATH} exists only on
 * the fixture servers, built by the real go command on this host (no BuildKit), the way a
 * self-hosted GitLab serves it: the go command asks
 * {@code https://git.internal.test/team/secretlib?go-get=1} ({@link GoImportMetaServer}, reached
 * through a private hosts file and trusted through its CA), then runs
 * {@code git ls-remote https://git.internal.test/team/secretlib}, which git's {@code insteadOf}
 * sends to the SSH or HTTP fixture on 127.0.0.1; ssh then checks the host key recorded for
 * {@code [127.0.0.1]:PORT}.
 *
 * <p>With the meta page the go command tries just that one URL, so git's own reason for a
 * failure (denied key, unknown host key, missing token) is in its output without {@code -v},
 * which is what users see and what gocb's error catalogue matches.
 */
class PrivateModuleIT {

    private static final Pattern SUM_FIELD = Pattern.compile("\"(Sum|GoModSum)\": \"([^\"]+)\"");
    private static final GoImportMetaServer.Request META_LOOKUP =
        new GoImportMetaServer.Request("GET", "/team/secretlib", "go-get=1", 200);

    @TempDir
    Path work;

    private GoImportMetaServer meta;

    @BeforeEach
    void startMetaServer() throws Exception {
        meta = GoImportMetaServer.start();
    }

    @AfterEach
    void stopMetaServer() throws Exception {
        meta.close();
    }

    @Test
    void buildsOverSshWithTheClientKeyAndPrintsTheLibraryGreeting() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverSsh(server, server.clientKey(), server.knownHostsLine("127.0.0.1"));
            Path app = copyOfExample();

            FixtureCommand.Result build = go.go(app, "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).as(build.output() + server.log()).isZero();
            assertThat(go.run(app, List.of(app.resolve("private-service").toString())).output())
                .isEqualTo(PrivateModuleRepository.GREETING + "\n");
            assertThat(app.resolve("go.sum")).as("the checked-in hashes verify the served module unchanged")
                .hasSameTextualContentAs(ProjectLayout.example("private").resolve("go.sum"));
            assertThat(server.log()).contains("Accepted publickey for " + server.user());
            assertThat(meta.requests()).contains(META_LOOKUP);
            assertNoProcessesAfterClose(server);
        }
    }

    @Test
    void buildsOverHttpWithTheNetrcToken() throws Exception {
        try (GitHttpServer server = GitHttpServer.start("ci-bot", "fixture-token-456")) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverHttp(server).netrc(server.netrcEntry());
            Path app = copyOfExample();

            FixtureCommand.Result build = go.go(app, "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).as(build.output() + server.backendLog()).isZero();
            assertThat(go.run(app, List.of(app.resolve("private-service").toString())).output())
                .isEqualTo(PrivateModuleRepository.GREETING + "\n");
            assertThat(server.requests()).as("the pack was fetched with the token").anySatisfy(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/team/secretlib/git-upload-pack");
                assertThat(request.authorised()).isTrue();
                assertThat(request.status()).isEqualTo(200);
            });
            assertThat(meta.requests()).contains(META_LOOKUP);
        }
    }

    @Test
    void anUnauthorisedKeyIsDeniedByTheServer() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverSsh(server, server.unauthorisedKey(), server.knownHostsLine("127.0.0.1"));

            FixtureCommand.Result build = go.go(copyOfExample(), "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).isNotZero();
            assertThat(build.output()).as("git's reason, without -v")
                .contains("git ls-remote -q", GoImportMetaServer.REPOSITORY_URL, "Permission denied (publickey)")
                .doesNotContain("no secure protocol found");
            assertThat(meta.requests()).contains(META_LOOKUP);
            assertThat(server.log()).contains("Failed publickey for " + server.user());
            assertNoProcessesAfterClose(server);
        }
    }

    @Test
    void anUnknownHostKeyFailsVerification() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo empty = goOverSsh(server, server.clientKey(), "");

            FixtureCommand.Result build = empty.go(copyOfExample(), "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).isNotZero();
            assertThat(build.output()).contains("Host key verification failed").doesNotContain("no secure protocol found");
            assertThat(meta.requests()).contains(META_LOOKUP);
            assertThat(server.log()).doesNotContain("Accepted publickey");
        }
    }

    @Test
    void aHostKeyRecordedForTheModuleHostDoesNotVouchForTheRewrittenAddress() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverSsh(server, server.clientKey(), server.knownHostsLine(PrivateModuleRepository.HOST));

            FixtureCommand.Result build = go.go(copyOfExample(), "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).isNotZero();
            assertThat(build.output()).contains("Host key verification failed").doesNotContain("no secure protocol found");
            assertThat(server.log()).doesNotContain("Accepted publickey");
        }
    }

    @Test
    void httpWithoutNetrcCannotPromptForTheToken() throws Exception {
        try (GitHttpServer server = GitHttpServer.start("ci-bot", "fixture-token-456")) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverHttp(server);

            FixtureCommand.Result build = go.go(copyOfExample(), "build", "-o", "private-service", ".");

            assertThat(build.exitCode()).isNotZero();
            assertThat(build.output()).as("go sets GIT_TERMINAL_PROMPT=0")
                .contains("terminal prompts disabled").doesNotContain("no secure protocol found");
            assertThat(meta.requests()).contains(META_LOOKUP);
            assertThat(server.requests()).isNotEmpty().noneMatch(GitHttpServer.Request::authorised);
        }
    }

    @Test
    void theCheckedInGoSumMatchesTheServedModule() throws Exception {
        try (GitSshServer server = GitSshServer.start()) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            HermeticGo go = goOverSsh(server, server.clientKey(), server.knownHostsLine("127.0.0.1"));
            Path outsideAnyModule = Files.createDirectories(work.resolve("empty"));

            FixtureCommand.Result download = go.go(outsideAnyModule, "mod", "download", "-json",
                PrivateModuleRepository.MODULE_PATH + "@" + PrivateModuleRepository.VERSION);

            assertThat(download.exitCode()).as(download.output()).isZero();
            List<String> expected = new ArrayList<>();
            Matcher sums = SUM_FIELD.matcher(download.output());
            while (sums.find()) {
                String suffix = sums.group(1).equals("GoModSum") ? "/go.mod" : "";
                expected.add(PrivateModuleRepository.MODULE_PATH + " " + PrivateModuleRepository.VERSION + suffix + " " + sums.group(2));
            }
            assertThat(expected).hasSize(2);
            assertThat(Files.readAllLines(ProjectLayout.example("private").resolve("go.sum")))
                .as("examples/secretlib changed? Put these lines into examples/private/go.sum")
                .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theRepositoryIsTheSameEveryTime() throws Exception {
        PrivateModuleRepository first = PrivateModuleRepository.createIn(work.resolve("first"));
        PrivateModuleRepository second = PrivateModuleRepository.createIn(work.resolve("second"));

        assertThat(first.commit()).matches("[0-9a-f]{40}").isEqualTo(second.commit());
        assertThat(first.path()).isEqualTo(work.resolve("first").resolve(PrivateModuleRepository.REPOSITORY));
    }

    private HermeticGo goOverSsh(GitSshServer server, Path key, String knownHostsLine) throws IOException {
        Path knownHosts = Files.writeString(work.resolve("known_hosts"), knownHostsLine.isEmpty() ? "" : knownHostsLine + "\n");
        return HermeticGo.in(work.resolve("go"))
            .use(meta)
            .rewriteGitUrls(server.baseUrl(), PrivateModuleRepository.GO_FETCH_URL_PREFIXES)
            .set("GIT_SSH_COMMAND", GitSshServer.sshCommand(key, knownHosts));
    }

    private HermeticGo goOverHttp(GitHttpServer server) throws IOException {
        return HermeticGo.in(work.resolve("go")).use(meta).rewriteGitUrls(server.baseUrl(), PrivateModuleRepository.GO_FETCH_URL_PREFIXES);
    }

    private Path copyOfExample() throws IOException {
        Path source = ProjectLayout.example("private");
        Path copy = work.resolve("private");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return copy;
    }

    /** Closes the server early (closing again is harmless) and checks that nothing of it runs on. */
    private static void assertNoProcessesAfterClose(GitSshServer server) throws IOException, InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(server.process());
        server.process().descendants().forEach(tree::add);
        Path config = server.configFile();

        server.close();

        assertThat(ProcessTree.alive(tree)).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(config.toString()))).isEmpty();
    }
}
