package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * examples/modules, a service depending on real third-party modules, and the module cache that
 * {@code dev/testmodules} filled with them once through the Go module proxy. Its cache/download
 * directory is a file:// GOPROXY, so tests resolve the real module graph without a network.
 */
public final class TestModules {

    public static final String EXAMPLE = "modules";
    /** A fixture whose real third-party modules come from the test module cache too. */
    private static final String PROMETHEUS_FIXTURE = "core/src/test/resources/ldflags/prometheus-exporter";

    private TestModules() {
    }

    /** The test module cache; fails, never skips, when dev/testmodules has not filled it for the current go.sum. */
    public static Path cache() {
        String base = System.getenv("XDG_CACHE_HOME");
        Path dir = (base == null || base.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(base))
                .resolve("gocb/testmodules");
        Path marker = dir.resolve(".gocb-testmodules");
        try {
            if (!Files.isRegularFile(marker) || !Files.readString(marker).strip().equals(stamp())) {
                throw new AssertionError("the goModVendor tests need the modules of examples/modules in the test module cache " + dir
                        + ", and it is " + (Files.exists(dir) ? "stale (go.mod or go.sum changed since it was filled)" : "missing")
                        + ". Run: " + RequiredTools.SETUP_COMMAND + " (it runs ./dev/testmodules; from " + ProjectLayout.root() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** {@code file://<cache>/cache/download}: the test modules as a GOPROXY entry. */
    public static String proxyUrl() {
        return fileUrl(cache().resolve("cache/download"));
    }

    /** A directory as a GOPROXY entry. */
    public static String fileUrl(Path directory) {
        return directory.toAbsolutePath().toUri().toString().replaceAll("/$", "");
    }

    /** A writable copy of examples/modules at {@code target}. */
    public static Path copyExample(Path target) throws IOException {
        return copy(ProjectLayout.example(EXAMPLE), target);
    }

    /** A writable copy of the directory tree {@code source} at {@code target}. */
    public static Path copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(source.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** As dev/testmodules computes it: sha256 of go.mod followed by go.sum. */
    private static String stamp() throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // The same modules, in the same order, as dev/testmodules downloads.
            for (Path module : List.of(ProjectLayout.example(EXAMPLE), ProjectLayout.root().resolve(PROMETHEUS_FIXTURE))) {
                sha256.update(Files.readAllBytes(module.resolve("go.mod")));
                sha256.update(Files.readAllBytes(module.resolve("go.sum")));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
