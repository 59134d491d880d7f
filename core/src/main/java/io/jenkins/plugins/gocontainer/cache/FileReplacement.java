package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * Writes the files gocb leaves for the user (reports, metadata, archives) so that nothing of
 * theirs is lost: what is at the path is checked before the build ({@link #requireReplaceable}),
 * and the file appears in one rename, readable by all and writable by its owner only, or not at
 * all.
 */
public final class FileReplacement {

    private static final long MAX_TEXT_BYTES = 16L << 20;

    /** Recognizes a file as one gocb wrote earlier at the same path. */
    @FunctionalInterface
    public interface Recognizer {
        boolean wroteBefore(Path file) throws IOException;
    }

    private FileReplacement() {
    }

    /**
     * Refuses, before anything runs, a path gocb must not write: a directory, a non-empty file that
     * {@code earlier} does not recognize, or a place that cannot be written.
     *
     * @param what        what gocb writes there, with its article, e.g. "a gate report"
     * @param settingKey  the setting that named the path, for the fix
     * @param exampleName a file name to suggest when the path is a directory
     */
    public static void requireReplaceable(Path target, String what, String settingKey, String exampleName, Recognizer earlier) {
        try {
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidBuildRequestException("cannot write " + what + " to " + target + ": it is a directory",
                    "gocb writes a single file there and never replaces a directory with it",
                    "give " + setting(settingKey) + " a file path, e.g. " + target.resolve(exampleName));
            }
            if (Files.exists(target) && Files.size(target) > 0 && !earlier.wroteBefore(target)) {
                throw new InvalidBuildRequestException("cannot write " + what + " to " + target + ": a file that is not " + what + " is there",
                    "gocb replaces only " + what + " that an earlier run wrote, so that a mistyped path cannot destroy another file",
                    "give " + setting(settingKey) + " another path, or move " + target + " away if it is no longer needed");
            }
            Path directory = nearestExisting(target.toAbsolutePath().getParent());
            if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                throw new InvalidBuildRequestException("cannot write " + what + " to " + target + ": " + directory + " is not a writable directory",
                    "the file is created in " + directory + ", which this user (" + System.getProperty("user.name") + ") may not write",
                    "give " + setting(settingKey) + " a path in a directory this user may write, or fix the permissions of " + directory);
            }
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot write " + what + " to " + target + ": " + e.getMessage(),
                "what is at the path could not be read", "check the path and its permissions, or give " + setting(settingKey) + " another path", e);
        }
    }

    /** Writes {@code content} to {@code target} through a hidden sibling, creating the parent directories. */
    public static void write(Path target, byte[] content) throws IOException {
        Path staged = stagingSibling(target);
        try {
            Files.write(staged, content);
            moveIntoPlace(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Copies {@code source} to {@code target} through a hidden sibling, creating the parent directories. */
    public static void copy(Path source, Path target) throws IOException {
        Path staged = stagingSibling(target);
        try {
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Renames the finished {@code staged} file onto {@code target} in one step, with ordinary permissions. */
    public static void moveIntoPlace(Path staged, Path target) throws IOException {
        Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's text when it is small UTF-8 text, as every report and metadata file gocb writes is; otherwise empty. */
    public static Optional<String> smallText(Path file) throws IOException {
        if (Files.size(file) > MAX_TEXT_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (MalformedInputException notText) {
            return Optional.empty();
        }
    }

    /** The file's content as a JSON object when it is small UTF-8 text holding one; otherwise empty. */
    public static Optional<Map<String, Object>> smallJsonObject(Path file) throws IOException {
        Optional<String> text = smallText(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parseObject(text.get()));
        } catch (JsonSyntaxException notJson) {
            return Optional.empty();
        }
    }

    /** The hidden sibling that the writer {@code id} fills before it is renamed onto {@code target}. */
    public static Path stagingSibling(Path target, String id) {
        return target.resolveSibling("." + target.getFileName() + ".gocb-" + id + ".partial");
    }

    private static Path stagingSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return stagingSibling(absolute, UUID.randomUUID().toString());
    }

    /** {@code directory}, or its nearest ancestor that exists: where a file below it would be created. */
    public static Path nearestExisting(Path directory) {
        Path candidate = directory;
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? directory : candidate;
    }
}
