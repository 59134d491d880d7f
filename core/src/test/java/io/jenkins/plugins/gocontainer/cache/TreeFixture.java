package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Directory trees shaped like Go's caches, and a comparable description of any tree. */
final class TreeFixture {

    static final String LONG_PATH = "example.com/very-long-organisation-name/with-a-long-repository-name@v1.2.3-0.20260101000000-abcdef012345"
        + "/internal/generated/protobuf/service_grpc.pb.go";

    private TreeFixture() {
    }

    /**
     * A module-cache-like tree: module zips and sources, a path longer than 100 bytes, a non-ASCII
     * name, an executable, an empty directory, and relative links to a file and a directory.
     */
    static Path goModuleCache(Path root, long seed) throws IOException {
        Random random = new Random(seed);
        write(root.resolve("cache/download/example.com/lib/@v/v1.0.0.zip"), randomBytes(random, 40_000));
        write(root.resolve("cache/download/example.com/lib/@v/v1.0.0.mod"), ("module example.com/lib // " + seed + "\n").getBytes());
        write(root.resolve("cache/download/example.com/lib/@v/list"), "v1.0.0\n".getBytes());
        write(root.resolve("example.com/lib@v1.0.0/go.mod"), "module example.com/lib\n".getBytes());
        write(root.resolve("example.com/lib@v1.0.0/lib.go"), ("package lib\n\nconst Seed = " + seed + "\n").getBytes());
        for (int i = 0; i < 20; i++) {
            write(root.resolve("example.com/lib@v1.0.0/pkg" + i + "/file.go"), randomBytes(random, 500 + random.nextInt(3000)));
        }
        write(root.resolve(LONG_PATH), ("package service // " + seed + "\n").getBytes());
        write(root.resolve("example.com/lib@v1.0.0/testdata/größe-ünïcödé.txt"), "unicode\n".getBytes());
        Path tool = root.resolve("example.com/lib@v1.0.0/scripts/generate.sh");
        write(tool, "#!/bin/sh\necho generated\n".getBytes());
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("example.com/lib@v1.0.0/empty"));
        Files.createSymbolicLink(root.resolve("example.com/lib@v1.0.0/link-to-lib.go"), Path.of("lib.go"));
        Files.createSymbolicLink(root.resolve("example.com/current"), Path.of("lib@v1.0.0"));
        return root;
    }

    /** As Go leaves its module cache: files 0444 (0555 if executable), directories 0555. */
    static void makeReadOnly(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                boolean executable = permissions.contains(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
    }

    /** Path to "dir", "file <sha256> x|-", or "link -> target", for every entry under root, never following links. */
    static Map<String, String> describe(Path root) {
        Map<String, String> description = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    description.put(relative, "link -> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    description.put(relative, "dir");
                } else {
                    boolean executable = Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
                    description.put(relative, "file " + sha256(Files.readAllBytes(path)) + (executable ? " x" : " -"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return description;
    }

    static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
