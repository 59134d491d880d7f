package io.jenkins.plugins.gocontainer.cache;

import com.fasterxml.jackson.core.JsonFactory;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import io.jenkins.plugins.gocontainer.testing.TempDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only trees (files 0444, directories 0555, as Go's module cache) are packed, replaced on
 * restore and deleted. Root ignores permissions, so when the tests run as root the work runs as
 * {@code nobody} (through {@code setpriv}), from a world-readable copy of its classes.
 */
class ReadOnlyTreesIT {

    @TempDir
    Path temp;

    @Test
    void readOnlyTreesAreSavedRestoredOverAndDeletedByAnUnprivilegedUser() throws Exception {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectory(temp.resolve("work"));
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            RequiredTools.require("setpriv");
            UserPrincipal nobody = temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(work, nobody);
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + work,
            "-cp", readableClassPath(), ReadOnlyTreeWorker.class.getName(), work.toString()));

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as(String.join(" ", command)).contains("OK").doesNotContain("FAILED");
        assertThat(process.exitValue()).isZero();
        if (isRoot()) {
            try (Stream<Path> files = Files.walk(work.resolve("store"))) {
                assertThat(files.filter(Files::isRegularFile).map(file -> owner(file)).distinct().toList()).as("the work really ran as nobody")
                    .containsExactly("nobody");
            }
        }
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0") && id.waitFor() == 0;
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Copies of the classes and of Jackson where an unprivileged user can read them (a checkout under /root is not). */
    private String readableClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (Class<?> type : List.of(DirectoryCacheStore.class, ReadOnlyTreeWorker.class, JsonFactory.class)) {
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = temp.resolve("classpath-" + index++ + (Files.isDirectory(source) ? "" : ".jar"));
            if (Files.isDirectory(source)) {
                copyTree(source, copy);
            } else {
                Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            entries.add(copy.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path destination = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        } catch (Exception e) {
            TempDirectories.delete(to);
            throw e;
        }
    }
}
