package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) on an ephemeral
 * 127.0.0.1 port with filesystem storage and deletes enabled. Optionally behind htpasswd.
 */
public final class LocalRegistry implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path directory;
    private final int port;
    private final Process process;

    private LocalRegistry(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    public static LocalRegistry start() throws IOException, InterruptedException {
        return start(Optional.empty());
    }

    /** @param htpasswd a bcrypt htpasswd file; when present the registry requires Basic auth */
    public static LocalRegistry start(Optional<Path> htpasswd) throws IOException, InterruptedException {
        RequiredTools.require("docker-registry");
        Path directory = Files.createTempDirectory("gocb-registry-");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = FreePort.pick();
            Path config = directory.resolve("config.yml");
            Files.writeString(config, config(directory.resolve("storage"), port, htpasswd));
            Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("registry.log").toFile())
                .start();
            LocalRegistry registry = new LocalRegistry(directory, port, process);
            try {
                registry.awaitReady();
                return registry;
            } catch (IOException e) {
                last = e;
                registry.stopProcess();
            }
        }
        TempDirectories.delete(directory);
        throw last;
    }

    private static String config(Path storage, int port, Optional<Path> htpasswd) {
        String auth = htpasswd.map(file -> """
            auth:
              htpasswd:
                realm: gocb-test
                path: %s
            """.formatted(file)).orElse("");
        return """
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: %s
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:%d
            %s""".formatted(storage, port, auth);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(directory.resolve("registry.log")));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/v2/")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("docker-registry did not answer on port " + port + " within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** host:port, the registry part of image references. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public String url() {
        return "http://" + hostPort();
    }

    public int port() {
        return port;
    }

    /** The registry's filesystem storage, for tests that damage stored content on purpose. */
    public Path storageDirectory() {
        return directory.resolve("storage");
    }

    /** Where the registry keeps a blob's bytes (distribution's filesystem layout). */
    public Path blobFile(String digest) {
        String hex = digest.substring("sha256:".length());
        return storageDirectory().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    public Path logFile() {
        return directory.resolve("registry.log");
    }

    private void stopProcess() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stopProcess();
        TempDirectories.delete(directory);
    }
}
