package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.RunDirectories;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A private temporary directory for secret material (keys, netrc, known_hosts, git config).
 *
 * <p>The directory is created with mode 0700 and every file with mode 0600, both atomically at
 * creation (never created wider and narrowed afterwards). Every value is registered in the
 * {@link SecretMasker} before its first byte is written. {@link #close()} deletes everything and
 * is idempotent; a JVM shutdown hook deletes the directory as a last resort if {@code close()} is
 * never reached, and is removed again by {@code close()}.
 */
public final class SecretDirectory implements AutoCloseable {

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> EXECUTABLE_MODE = PosixFilePermissions.fromString("rwx------");

    private static final String PREFIX = "gocb-secrets-";

    private final Path path;
    private final SecretMasker masker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private SecretDirectory(Path path, SecretMasker masker) {
        this.path = path;
        this.masker = masker;
        this.shutdownHook = new Thread(this::deleteQuietly, "gocb-secret-directory-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Creates a private directory under {@code java.io.tmpdir}. */
    public static SecretDirectory create(SecretMasker masker) {
        return create(Path.of(System.getProperty("java.io.tmpdir")), masker);
    }

    /** Creates a private directory under {@code parent}. */
    public static SecretDirectory create(Path parent, SecretMasker masker) {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(masker, "masker");
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            || !parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            throw new GocbException("cannot create a private directory for secrets under " + parent,
                "the file system does not support POSIX permissions, so the files could not be made private",
                "run the build on a Linux/Unix agent, or point java.io.tmpdir to a POSIX file system");
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(DIRECTORY_MODE);
        try {
            return new SecretDirectory(Files.createTempDirectory(parent, RunDirectories.ownedPrefix(PREFIX), mode), masker);
        } catch (IOException | UnsupportedOperationException e) {
            throw new GocbException("cannot create a private directory for secrets under " + parent,
                "the directory is missing, not writable or full (" + e.getClass().getSimpleName() + ")",
                "check that " + parent + " exists and is writable by the build user, or set java.io.tmpdir", e);
        }
    }

    /** The directory; valid until {@link #close()}. */
    public Path path() {
        return path;
    }

    /** Registers a value in the masker without writing it (e.g. a token that appears inside a file). */
    public SecretDirectory register(String secret) {
        masker.register(secret);
        return this;
    }

    /**
     * Writes a new file {@code name} (a plain file name) with mode 0600. The content is registered
     * in the masker before the file is created.
     *
     * @return the file
     */
    public Path write(String name, String content) {
        Objects.requireNonNull(content, "content");
        masker.register(content);
        return createFile(name, content, FILE_MODE);
    }

    /**
     * Writes a new file that is private but not secret (known_hosts, git URL rewrites), mode 0600.
     * Its content is not masked, so that the log stays readable where it quotes host names.
     */
    public Path writeNonSecret(String name, String content) {
        return createFile(name, Objects.requireNonNull(content, "content"), FILE_MODE);
    }

    /** Writes a new executable file (a helper script holding no secret), mode 0700. */
    public Path writeExecutable(String name, String content) {
        return createFile(name, Objects.requireNonNull(content, "content"), EXECUTABLE_MODE);
    }

    private Path createFile(String name, String content, Set<PosixFilePermission> permissions) {
        ensureOpen();
        Path file = path.resolve(requireFileName(name));
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(permissions);
        try (SeekableByteChannel channel = Files.newByteChannel(file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new GocbException("cannot write the secret file " + file,
                "the file already exists, or the temporary directory was removed or is full ("
                    + e.getClass().getSimpleName() + ")",
                "use a distinct file name per secret and check free space in " + path.getParent(), e);
        }
        return file;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Deletes the directory and everything in it. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to run; deleting twice is harmless
        }
        List<Path> failed = delete();
        if (!failed.isEmpty()) {
            throw new GocbException("could not delete secret files: " + failed,
                "another process holds them or changed the directory's permissions",
                "delete " + path + " by hand; it may contain credentials");
        }
    }

    /** Package-private for tests: the last-resort hook. */
    Thread shutdownHook() {
        return shutdownHook;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("secret directory " + path + " is already closed");
        }
    }

    private void deleteQuietly() {
        delete();
    }

    private List<Path> delete() {
        List<Path> failed = new ArrayList<>();
        if (!Files.exists(path)) {
            return failed;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            failed.add(path);
            return failed;
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (NoSuchFileException gone) {
                // already gone
            } catch (IOException e) {
                failed.add(p);
            }
        }
        return failed;
    }

    private static String requireFileName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid secret file name '" + name
                + "': use letters, digits, '.', '_' and '-' only");
        }
        return name;
    }

    @Override
    public String toString() {
        return "SecretDirectory[" + path + (closed.get() ? ", closed" : "") + "]";
    }
}
