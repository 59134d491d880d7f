package io.jenkins.plugins.gocontainer.testing;

import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second buildkitd listening on {@code tcp://127.0.0.1:PORT} with mutual TLS, the way teams run
 * shared builder pools. The CA, server and client certificates are made for the test with openssl.
 */
public final class TlsBuildkitd implements AutoCloseable {

    private final Path directory;
    private final Process process;
    private final BuilderConnection connection;

    private TlsBuildkitd(Path directory, Process process, BuilderConnection connection) {
        this.directory = directory;
        this.process = process;
        this.connection = connection;
    }

    public static TlsBuildkitd start(Path directory) throws IOException, InterruptedException {
        RequiredTools.require("buildkitd", "buildctl", "openssl");
        Path certs = Files.createDirectories(directory.resolve("certs"));
        makeCertificates(certs);
        int port = FreePort.pick();
        String address = "tcp://127.0.0.1:" + port;
        ProcessBuilder launcher = new ProcessBuilder("buildkitd",
            "--root", directory.resolve("root").toString(),
            "--addr", address,
            "--tlscacert", certs.resolve("ca.pem").toString(),
            "--tlscert", certs.resolve("server.pem").toString(),
            "--tlskey", certs.resolve("server-key.pem").toString(),
            "--oci-worker-net=host")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("buildkitd.log").toFile());
        // buildkitd leaves empty mount points in its TMPDIR: keep them in the fixture's directory.
        launcher.environment().put("TMPDIR", Files.createDirectories(directory.resolve("tmp")).toString());
        Process process = launcher.start();
        BuilderConnection connection = BuilderConnection.of(address).withTls(new BuilderConnection.Tls(
            certs.resolve("ca.pem"), certs.resolve("client.pem"), certs.resolve("client-key.pem"), "localhost"));
        TlsBuildkitd builder = new TlsBuildkitd(directory, process, connection);
        builder.awaitReady();
        return builder;
    }

    public BuilderConnection connection() {
        return connection;
    }

    private void awaitReady() throws IOException, InterruptedException {
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("TLS buildkitd exited: " + Files.readString(directory.resolve("buildkitd.log")));
            }
            if (runner.run(new BuildctlDriver(connection).probeCommand(), OutputSink.discard()).succeeded()) {
                return;
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("TLS buildkitd did not answer within 30 s: " + Files.readString(directory.resolve("buildkitd.log")));
    }

    private static void makeCertificates(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        List<List<String>> steps = List.of(
            List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "1", "-subj", "/CN=gocb test CA"),
            List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server-key.pem", "-out", "server.csr", "-subj", "/CN=localhost"),
            List.of("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "server.pem", "-days", "1", "-extfile", "server.ext"),
            List.of("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "client-key.pem", "-out", "client.csr", "-subj", "/CN=gocb test client"),
            List.of("openssl", "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "client.pem", "-days", "1", "-extfile", "client.ext"));
        CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());
        for (List<String> step : steps) {
            runner.capture(Command.of(step).inDirectory(dir));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
