package io.jenkins.plugins.gocontainer.testing;

import io.jenkins.plugins.gocontainer.buildkit.BuilderConnection;
import io.jenkins.plugins.gocontainer.buildkit.EmbeddedBuilder;
import io.jenkins.plugins.gocontainer.plan.NamedContext;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real test environment: a buildkitd (root, host networking, its own state directory and
 * socket), a registry on an ephemeral loopback port, and a golang base root filesystem made from
 * this machine's Go. Started once per test JVM, on first use, and stopped when the JVM's tests end.
 *
 * <p>Use with {@code @ExtendWith(RealEnvironment.Extension.class)} and a {@code RealEnvironment}
 * parameter.
 */
public final class RealEnvironment implements AutoCloseable {

    public static final String GOLANG_IMAGE = "golang:1.26";

    private final Path directory;
    private final EmbeddedBuilder builder;
    private final LocalRegistry registry;
    private final Path goBase;
    private NamedContext golangMirror;

    private RealEnvironment(Path directory, EmbeddedBuilder builder, LocalRegistry registry, Path goBase) {
        this.directory = directory;
        this.builder = builder;
        this.registry = registry;
        this.goBase = goBase;
    }

    static RealEnvironment start() throws IOException, InterruptedException {
        RequiredTools.require("buildkitd", "buildctl", "runc", "docker-registry", "busybox", "go");
        Path directory = Files.createTempDirectory("gocb-it-");
        Path goBase = makeGoBase();
        EmbeddedBuilder builder = new EmbeddedBuilder(directory.resolve("buildkit"), new io.jenkins.plugins.gocontainer.exec.CommandRunner(io.jenkins.plugins.gocontainer.exec.SecretMasker.none(), System.getenv()));
        builder.start();
        LocalRegistry registry;
        try {
            registry = LocalRegistry.start();
        } catch (IOException | RuntimeException e) {
            builder.stop();
            throw e;
        }
        return new RealEnvironment(directory, builder, registry, goBase);
    }

    private static Path makeGoBase() throws IOException, InterruptedException {
        // Shared with the demo through the user's cache: made once per machine and Go version.
        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of(ProjectLayout.devScript("gobase").toString()));
        Path made = Path.of(lines.get(lines.size() - 1).strip());
        if (!Files.isDirectory(made.resolve("usr/local/go/bin"))) {
            throw new IOException("dev/gobase did not produce a Go root filesystem at " + made + " (it printed " + lines + ")");
        }
        return made;
    }

    public BuilderConnection builder() {
        return builder.connection();
    }

    public EmbeddedBuilder embeddedBuilder() {
        return builder;
    }

    public LocalRegistry registry() {
        return registry;
    }

    /**
     * The golang base as an image in the test registry, as a mirror serves it. Unlike a local root
     * filesystem, an image has the same cache keys on every builder, which registry layer caches
     * need. Pushed on first use (uncompressed, a few seconds).
     */
    public synchronized NamedContext golangMirror() throws IOException, InterruptedException {
        if (golangMirror == null) {
            String image = registry.hostPort() + "/library/" + GOLANG_IMAGE;
            Path work = newDirectory("golang-mirror-");
            Files.writeString(work.resolve("Dockerfile"), "FROM scratch\nCOPY --from=rootfs / /\n"
                + "ENV PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOPATH=/go\n");
            List<String> argv = new java.util.ArrayList<>(List.of("buildctl"));
            argv.addAll(builder.connection().buildctlOptions());
            argv.addAll(List.of("build", "--frontend", "dockerfile.v0", "--local", "context=" + work, "--local", "dockerfile=" + work,
                "--opt", "context:rootfs=local:rootfs", "--local", "rootfs=" + goBase,
                "--output", "type=image,name=" + image + ",push=true,registry.insecure=true,compression=uncompressed"));
            new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of(argv));
            golangMirror = NamedContext.image(GOLANG_IMAGE, "docker-image://" + image);
        }
        return golangMirror;
    }

    /** The golang base root filesystem, as the override tests pass to builds. */
    public NamedContext golangBase() {
        return NamedContext.localDirectory(GOLANG_IMAGE, goBase);
    }

    public Path goBaseDirectory() {
        return goBase;
    }

    /** A fresh directory for one test's files, removed with the environment. */
    public Path newDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(directory, prefix);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            registry.close();
        } finally {
            builder.stop();
            TempDirectories.delete(directory);
        }
    }

    /** Resolves {@code RealEnvironment} parameters with the one environment of this JVM. */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RealEnvironment.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(RealEnvironment.class));
            return store.getOrComputeIfAbsent("environment", key -> new Closing(startOrFail()), Closing.class).environment;
        }

        private static RealEnvironment startOrFail() {
            try {
                return start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the real test environment", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the real test environment", e);
            }
        }
    }

    /** Stops the environment when JUnit closes the root store, at the end of the test run. */
    private record Closing(RealEnvironment environment) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            environment.close();
        }
    }
}
