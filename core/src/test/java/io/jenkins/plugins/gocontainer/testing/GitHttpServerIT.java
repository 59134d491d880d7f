package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token-protected smart-HTTP git host, driven by the real git client and by hand. */
class GitHttpServerIT {

    private static final String USER = "ci-bot";
    private static final String TOKEN = "glpat-fixture-token-123";

    @TempDir
    Path client;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void gitFetchesWithTheNetrcToken() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository repository = PrivateModuleRepository.createIn(server.repositoryRoot());

            FixtureCommand.Result listing = git(server.netrcEntry(), "ls-remote", server.baseUrl() + "team/secretlib");

            assertThat(listing.exitCode()).as(listing.output()).isZero();
            assertThat(listing.output()).contains(repository.commit() + "\trefs/tags/v1.0.0^{}");
            assertThat(server.requests()).as("git asks anonymously first, then sends the netrc credentials after the 401")
                .contains(new GitHttpServer.Request("GET", "/team/secretlib/info/refs", "service=git-upload-pack", "", false, 401),
                    new GitHttpServer.Request("GET", "/team/secretlib/info/refs", "service=git-upload-pack", USER, true, 200));
        }
    }

    @Test
    void gitClonesAndPushesOverSmartHttp() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            Path clone = client.resolve("clone");

            FixtureCommand.Result cloned = git(server.netrcEntry(), "clone", "--quiet", server.baseUrl() + "team/secretlib.git", clone.toString());
            assertThat(cloned.exitCode()).as(cloned.output()).isZero();
            assertThat(clone.resolve("secretlib.go")).exists();
            Files.writeString(clone.resolve("CHANGES.md"), "pushed by a test\n");
            gitIn(clone, server.netrcEntry(), "add", "CHANGES.md");
            gitIn(clone, server.netrcEntry(), "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "change");
            FixtureCommand.Result push = gitIn(clone, server.netrcEntry(), "push", "origin", "HEAD:refs/heads/pushed");

            assertThat(push.exitCode()).as(push.output() + server.backendLog()).isZero();
            assertThat(server.requests()).anySatisfy(request -> {
                assertThat(request.path()).isEqualTo("/team/secretlib.git/git-receive-pack");
                assertThat(request.authorised()).isTrue();
                assertThat(request.status()).isEqualTo(200);
            });
            assertThat(git(server.netrcEntry(), "ls-remote", server.baseUrl() + "team/secretlib", "refs/heads/pushed").output())
                .contains("refs/heads/pushed");
        }
    }

    @Test
    void withoutCredentialsGitWouldHaveToPromptAndFails() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository.createIn(server.repositoryRoot());

            FixtureCommand.Result refused = git(null, "ls-remote", server.baseUrl() + "team/secretlib");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("terminal prompts disabled");
            assertThat(server.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.user()).isEmpty();
                assertThat(request.authorised()).isFalse();
                assertThat(request.status()).isEqualTo(401);
            });
        }
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository.createIn(server.repositoryRoot());

            FixtureCommand.Result refused = git(server.netrcEntry().replace(TOKEN, "expired-token"), "ls-remote", server.baseUrl() + "team/secretlib");

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).as("git falls back to asking, just as without a netrc").contains("terminal prompts disabled");
            assertThat(server.requests()).as("only the server tells a wrong token from a missing one")
                .contains(new GitHttpServer.Request("GET", "/team/secretlib/info/refs", "service=git-upload-pack", USER, false, 401))
                .noneMatch(GitHttpServer.Request::authorised);
        }
    }

    @Test
    void challengesWithBasicAndPassesCgiStatusesOn() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            String refs = server.baseUrl() + "team/secretlib/info/refs?service=git-upload-pack";

            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(refs)), null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"git\"");

            HttpResponse<String> advertised = send(HttpRequest.newBuilder(URI.create(refs)), basic(USER, TOKEN));
            assertThat(advertised.statusCode()).isEqualTo(200);
            assertThat(advertised.headers().firstValue("Content-Type")).contains("application/x-git-upload-pack-advertisement");
            assertThat(advertised.body()).startsWith("001e# service=git-upload-pack\n").contains("refs/tags/v1.0.0");

            HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "team/missing/info/refs?service=git-upload-pack")),
                basic(USER, TOKEN));
            assertThat(missing.statusCode()).as("http-backend's Status header").isEqualTo(404);
        }
    }

    @Test
    void acceptsGzipCompressedRequestBodies() throws Exception {
        try (GitHttpServer server = GitHttpServer.start(USER, TOKEN)) {
            PrivateModuleRepository.createIn(server.repositoryRoot());
            byte[] lsRefs = "0014command=ls-refs\n0000".getBytes(StandardCharsets.US_ASCII);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "team/secretlib/git-upload-pack"))
                .header("Git-Protocol", "version=2")
                .header("Content-Type", "application/x-git-upload-pack-request")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(lsRefs)));

            HttpResponse<String> response = send(request, basic(USER, TOKEN));

            assertThat(response.statusCode()).as(server.backendLog()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/x-git-upload-pack-result");
            assertThat(response.body()).contains(" refs/tags/v1.0.0\n").endsWith("0000");
        }
    }

    @Test
    void closeStopsServingAndDeletesTheRepositories() throws Exception {
        GitHttpServer server = GitHttpServer.start(USER, TOKEN);
        Path root = server.repositoryRoot();
        PrivateModuleRepository.createIn(root);
        assertThat(git(server.netrcEntry(), "ls-remote", server.baseUrl() + "team/secretlib").exitCode()).isZero();

        server.close();

        assertThat(root).doesNotExist();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close()).isInstanceOf(IOException.class);
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("http-backend")))
            .isEmpty();
    }

    private FixtureCommand.Result git(String netrc, String... args) throws IOException, InterruptedException {
        return gitIn(client, netrc, args);
    }

    /** git with a private HOME holding {@code netrc} as ~/.netrc (none when null). */
    private FixtureCommand.Result gitIn(Path directory, String netrc, String... args) throws IOException, InterruptedException {
        Path home = Files.createDirectories(client.resolve("home"));
        Files.deleteIfExists(home.resolve(".netrc"));
        if (netrc != null) {
            Files.writeString(home.resolve(".netrc"), netrc);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return FixtureCommand.run(directory, environment, argv);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
