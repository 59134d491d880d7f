package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.HostMapping;
import io.jenkins.plugins.gocontainer.plan.NamedContext;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.gomod.GoErrorKind;
import io.jenkins.plugins.gocontainer.testing.GitHttpServer;
import io.jenkins.plugins.gocontainer.testing.GitSshServer;
import io.jenkins.plugins.gocontainer.testing.GoImportMetaServer;
import io.jenkins.plugins.gocontainer.testing.ImageLeakScan;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.PrivateModuleRepository;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RunLeftovers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * examples/private imports {@code git.internal.test/team/secretlib}, which only a real private git
 * server has: a private domain answering the go-get meta lookup over HTTPS (its CA given with
 * {@code --ca-cert}), with the repository behind sshd (an authorised key) or git http-backend (a
 * token). Each build runs on the real buildkitd, fetches the module inside the builder with the
 * forwarded credentials, and is then searched, layer by layer, for every secret it was given.
 */
@ExtendWith(RealEnvironment.Extension.class)
class PrivateModuleBuildIT {

    private static final String HOST = PrivateModuleRepository.HOST;
    private static final String TOKEN_VARIABLE = "GOCB_IT_GIT_TOKEN";
    private static final String PASSPHRASE_VARIABLE = "GOCB_IT_KEY_PASSPHRASE";
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private RunLeftovers secretDirectories;

    private static GoImportMetaServer meta;
    private static GitSshServer ssh;
    private static GitHttpServer http;
    private static Path knownHosts;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startGitServers(RealEnvironment env) throws Exception {
        meta = GoImportMetaServer.start();
        ssh = GitSshServer.start();
        PrivateModuleRepository.createIn(ssh.repositoryRoot());
        http = GitHttpServer.start("ci-bot", "glpat-" + Long.toHexString(System.nanoTime()) + "x7Qz");
        PrivateModuleRepository.createIn(http.repositoryRoot());
        knownHosts = Files.writeString(env.newDirectory("known-hosts-").resolve("known_hosts"), ssh.knownHostsLine("127.0.0.1") + "\n");
    }

    @AfterAll
    static void stopGitServers() throws Exception {
        if (meta != null) {
            meta.close();
        }
        if (ssh != null) {
            ssh.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @BeforeEach
    void watchSecretDirectories() throws IOException {
        secretDirectories = RunLeftovers.watchPrefix("gocb-secrets-");
    }

    @AfterEach
    void nothingSecretIsLeftBehind() throws IOException {
        assertThat(secretDirectories.added()).as("private secret directories left in " + TMP).isEmpty();
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
            .filter(line -> line.contains("ssh-agent -D -a " + TMP))).as("private ssh-agents still running").isEmpty();
    }

    @Test
    void buildsWithAnUnencryptedKey(RealEnvironment env) throws Exception {
        PrivateModuleAccess access = sshAccess().sshKey(ssh.clientKey(), null).build();

        BuildResult result = buildAndCheck(env, access, Map.of(), "ssh-key", keySecrets(ssh.clientKey()));

        assertThat(result.digest()).startsWith("sha256:");
    }

    @Test
    void buildsWithAPassphraseProtectedKeyThroughAPrivateAgent(RealEnvironment env) throws Exception {
        PrivateModuleAccess access = sshAccess().sshKey(ssh.encryptedClientKey(), PASSPHRASE_VARIABLE).build();
        List<String> secrets = new ArrayList<>(keySecrets(ssh.encryptedClientKey()));
        secrets.add(ssh.passphrase());

        buildAndCheck(env, access, Map.of(PASSPHRASE_VARIABLE, ssh.passphrase()), "ssh-passphrase", secrets);
    }

    @Test
    void buildsWithTheUsersAgentSocket(RealEnvironment env) throws Exception {
        Path agentDirectory = env.newDirectory("user-agent-");
        Path socket = agentDirectory.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitFile(socket);
            ProcessBuilder add = new ProcessBuilder("ssh-add", ssh.clientKey().toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process added = add.start();
            String output = new String(added.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(added.waitFor()).as(output).isZero();
            PrivateModuleAccess access = sshAccess().sshAgent(socket).build();

            buildAndCheck(env, access, Map.of(), "ssh-agent", keySecrets(ssh.clientKey()));
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void buildsWithANetrcToken(RealEnvironment env) throws Exception {
        int before = http.requests().size();
        PrivateModuleAccess access = PrivateModuleAccess.builder()
            .netrc(new NetrcLogin("127.0.0.1", http.user(), TOKEN_VARIABLE))
            .rewrite(new GitRewrite("https://" + HOST + "/", http.baseUrl()))
            .certificateAuthority(meta.caCertificate())
            .goVariable(GoPrivateEnvironment.GOPRIVATE, HOST)
            .build();
        List<String> secrets = List.of(http.token(), "password " + http.token());

        buildAndCheck(env, access, Map.of(TOKEN_VARIABLE, http.token()), "netrc", secrets);

        List<GitHttpServer.Request> requests = http.requests().subList(before, http.requests().size());
        assertThat(requests).as("git fetched through the token endpoint").anyMatch(GitHttpServer.Request::authorised);
    }

    @Test
    void aKeyTheServerDoesNotKnowIsExplainedAsARefusedKey(RealEnvironment env) throws Exception {
        PrivateModuleAccess access = sshAccess().sshKey(ssh.unauthorisedKey(), null).build();

        BuildStepFailedException failure = catchThrowableOfType(BuildStepFailedException.class, () -> build(env, access, Map.of(), "wrong-key"));

        assertThat(failure.goError()).hasValueSatisfying(error -> assertThat(error.kind()).isEqualTo(GoErrorKind.SSH_KEY_REFUSED));
        assertThat(failure.reason()).contains("Permission denied (publickey)", "refused the SSH key");
        assertThat(failure.remedy()).contains("{@sshKey}");
    }

    @Test
    void aHostKeyThatDoesNotMatchIsExplainedAndNeverSkipped(RealEnvironment env) throws Exception {
        String otherKey = Files.readString(Path.of(ssh.unauthorisedKey() + ".pub")).split(" ")[1];
        Path wrongKnownHosts = Files.writeString(env.newDirectory("wrong-known-hosts-").resolve("known_hosts"),
            "[127.0.0.1]:" + ssh.port() + " ssh-ed25519 " + otherKey + "\n");
        PrivateModuleAccess access = sshAccess(wrongKnownHosts).sshKey(ssh.clientKey(), null).build();

        BuildStepFailedException failure = catchThrowableOfType(BuildStepFailedException.class, () -> build(env, access, Map.of(), "wrong-host-key"));

        assertThat(failure.goError()).hasValueSatisfying(error -> assertThat(error.kind()).isEqualTo(GoErrorKind.SSH_HOST_KEY_UNVERIFIED));
        assertThat(failure.remedy()).contains("ssh-keyscan", "{@knownHosts}");
    }

    @Test
    void aHostMissingFromKnownHostsIsRefusedBeforeAnythingRuns(RealEnvironment env) throws Exception {
        Path unrelated = Files.writeString(env.newDirectory("other-known-hosts-").resolve("known_hosts"), ssh.knownHostsLine("other.example") + "\n");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(ssh.clientKey(), null).knownHosts(unrelated)
            .sshHost(new GitSshHost(ssh.user(), HOST, ssh.port())).build();

        assertThatThrownBy(() -> access.open(new CommandRunner(new SecretMasker(), System.getenv()), Map.of(), env.newDirectory("home-")))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("SSH host [" + HOST + "]:" + ssh.port() + " is not in known_hosts");
    }

    @Test
    void withoutGoPrivateTheModuleIsAskedFromTheProxyAndTheErrorSaysSo(RealEnvironment env) throws Exception {
        HttpServer publicProxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publicProxy.createContext("/", exchange -> {
            byte[] body = ("not found: " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publicProxy.start();
        try {
            PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(ssh.clientKey(), null).knownHosts(knownHosts)
                .sshHost(new GitSshHost(ssh.user(), "127.0.0.1", ssh.port()))
                .rewrite(new GitRewrite("https://" + HOST + "/", ssh.baseUrl()))
                .certificateAuthority(meta.caCertificate())
                .goVariable(GoPrivateEnvironment.GOPROXY, "http://127.0.0.1:" + publicProxy.getAddress().getPort())
                .build();

            BuildStepFailedException failure = catchThrowableOfType(BuildStepFailedException.class, () -> build(env, access, Map.of(), "no-goprivate"));

            assertThat(failure.goError()).hasValueSatisfying(error -> assertThat(error.kind()).isEqualTo(GoErrorKind.PROXY_NOT_FOUND));
            assertThat(failure.reason()).contains("404 Not Found", "This build sets no GOPRIVATE");
            assertThat(failure.remedy()).contains("GOPRIVATE");
        } finally {
            publicProxy.stop(0);
        }
    }

    @Test
    void aCancelledBuildStopsTheAgentAndRemovesTheSecrets(RealEnvironment env) throws Exception {
        PrivateModuleAccess access = sshAccess().sshKey(ssh.encryptedClientKey(), PASSPHRASE_VARIABLE).build();
        CountDownLatch started = new CountDownLatch(1);
        List<Path> sessionDirectories = Collections.synchronizedList(new ArrayList<>());
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<?> build = worker.submit(() -> {
                try (PrivateModuleSession session = access.open(runner(), Map.of(PASSPHRASE_VARIABLE, ssh.passphrase()), env.newDirectory("home-"))) {
                    sessionDirectories.add(session.directory());
                    BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request(env, session, "cancelled").noCache(true).build());
                    new ImageBuilder(new BuildctlDriver(env.builder()), runner()).build(plan, line -> {
                        if (line.contains("load build definition")) {
                            started.countDown();
                        }
                    });
                }
                return null;
            });
            assertThat(started.await(120, TimeUnit.SECONDS)).as("the build started").isTrue();
            build.cancel(true);
            worker.shutdown();
            assertThat(worker.awaitTermination(60, TimeUnit.SECONDS)).as("the build stopped").isTrue();
        } finally {
            worker.shutdownNow();
        }
        assertThat(sessionDirectories).singleElement().satisfies(directory -> assertThat(directory).doesNotExist());
    }

    private static PrivateModuleAccess.Builder sshAccess() {
        return sshAccess(knownHosts);
    }

    /**
     * The module host's HTTPS URLs fetched over SSH from the git server (which listens on 127.0.0.1,
     * while the meta page is served from another loopback address under the module's host name).
     */
    private static PrivateModuleAccess.Builder sshAccess(Path knownHostsFile) {
        return PrivateModuleAccess.builder()
            .knownHosts(knownHostsFile)
            .sshHost(new GitSshHost(ssh.user(), "127.0.0.1", ssh.port()))
            .rewrite(new GitRewrite("https://" + HOST + "/", ssh.baseUrl()))
            .certificateAuthority(meta.caCertificate())
            .goVariable(GoPrivateEnvironment.GOPRIVATE, HOST);
    }

    private BuildResult buildAndCheck(RealEnvironment env, PrivateModuleAccess access, Map<String, String> environment, String tag,
                                      List<String> secrets) throws Exception {
        Path metadata = env.newDirectory("metadata-").resolve("metadata.json");
        BuildResult result = build(env, access, environment, tag, metadata);

        String pinned = env.registry().hostPort() + "/examples/private@" + result.digest();
        assertThat(ImageRun.run(env, pinned, "/usr/local/bin/private")).containsExactly(PrivateModuleRepository.GREETING);

        ImageLeakScan image = ImageLeakScan.pull(env.registry(), "examples/private", result.digest());
        assertThat(image.partCount()).isGreaterThanOrEqualTo(4);
        assertThat(image.hits(secrets)).as("secrets in the pushed image").isEmpty();
        Map<String, byte[]> outputs = new LinkedHashMap<>();
        outputs.put("build log", String.join("\n", log).getBytes(StandardCharsets.UTF_8));
        outputs.put("metadata file", Files.readAllBytes(metadata));
        assertThat(ImageLeakScan.hits(outputs, secrets)).as("secrets in the build log or metadata file").isEmpty();
        assertThat(log).as("the module was fetched inside the build").anyMatch(line -> line.contains("go mod download"));
        assertThat(meta.requests()).as("the go-get meta page was asked").anyMatch(request -> String.valueOf(request.query()).contains("go-get=1"));
        return result;
    }

    private BuildResult build(RealEnvironment env, PrivateModuleAccess access, Map<String, String> environment, String tag)
        throws Exception {
        return build(env, access, environment, tag, env.newDirectory("metadata-").resolve("metadata.json"));
    }

    /** Opens the credentials, builds without BuildKit's cache (so the module is really fetched), and closes them. */
    private BuildResult build(RealEnvironment env, PrivateModuleAccess access, Map<String, String> environment, String tag, Path metadata)
        throws Exception {
        CommandRunner runner = runner();
        try (PrivateModuleSession session = access.open(runner, environment, env.newDirectory("home-"))) {
            BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request(env, session, tag).noCache(true).build());
            return new ImageBuilder(new BuildctlDriver(env.builder()), runner).withMetadataFile(metadata).build(plan, log::add);
        }
    }

    private static BuildRequest.Builder request(RealEnvironment env, PrivateModuleSession session, String tag) {
        return BuildRequest.builder(ProjectLayout.example("private"))
            .namedContext(NamedContext.localDirectory("golang:1.22", env.goBaseDirectory()))
            .addHost(new HostMapping(HOST, meta.address()))
            .privateModules(session)
            .image(env.registry().hostPort() + "/examples/private:" + tag);
    }

    private static CommandRunner runner() {
        return new CommandRunner(new SecretMasker(), System.getenv());
    }

    /** The key file and each line of its base64 body: a partial copy is a leak too. */
    private static List<String> keySecrets(Path key) throws IOException {
        List<String> secrets = new ArrayList<>();
        secrets.add(Files.readString(key));
        Files.readAllLines(key).stream().filter(line -> !line.startsWith("-----") && line.length() >= 20).forEach(secrets::add);
        assertThat(secrets).hasSizeGreaterThan(2);
        return secrets;
    }


    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 250 && !Files.exists(file); i++) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }
}
