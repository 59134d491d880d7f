package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuild;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.MediaTypes;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Hidden: exercises the code paths of every command, against an in-process registry stand-in, so
 * that the launcher's class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) holds the
 * classes of builds and registry calls alike. A JVM start that maps them instead of loading them
 * saves a large share of gocb's start-up. Runs nothing outside this process.
 */
@Command(name = "cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "a Go service directory (the launcher passes examples/hello)")
    Path service;

    @Override
    public Integer call() throws Exception {
        for (Object command : List.of(new BuildCommand(), new PushTagsCommand(), new TagsCommand(), new BuilderCommand(), new DockerfileCommand())) {
            new CommandLine(command).getCommandSpec();
        }
        GoDockerBuildSpec training = GoDockerBuildSpec.builder().context(service.toAbsolutePath().toString()).image("127.0.0.1:5000/training/app:1")
            .buildkit(new BuilderSettings("unix:///nonexistent.sock", null, null, null, null, BuilderSettings.Driver.BUILDCTL, null, null)).build();
        new GoDockerBuild().dryRun(training, OperationContext.of(service.toAbsolutePath(), System.getenv(), OutputSink.discard())).toMap();
        Json.write(Map.of("training", List.of(1, "x")));

        byte[] manifest = "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:0\",\"size\":1},\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
        String digest = io.jenkins.plugins.gocontainer.registry.Digests.sha256(manifest);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
            exchange.getResponseHeaders().add("Docker-Content-Digest", digest);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            boolean put = exchange.getRequestMethod().equals("PUT");
            exchange.sendResponseHeaders(put ? 201 : 200, head || put ? -1 : manifest.length);
            if (!head && !put) {
                exchange.getResponseBody().write(manifest);
            }
            exchange.close();
        });
        server.start();
        try {
            ImageReference repository = ImageReference.parse("127.0.0.1:" + server.getAddress().getPort() + "/training/app");
            RegistryClient client = new RegistryClient(new RegistryHttp(r -> Optional.empty(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Set.of()));
            new TagPusher(client).push(repository.withDigest(digest), repository, List.of("a", "b"));
        } finally {
            server.stop(0);
        }
        return ExitCodes.OK;
    }
}
