package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the entries of a tar stream into a fresh, empty directory, refusing anything that would
 * land or point outside it: paths with ".." or a leading '/', writes through a symbolic link,
 * duplicate entries, and links whose target is absolute or resolves outside. Links are created
 * last, so no file is ever written through one. Modes are normalised: 0755 for directories and
 * executables, 0644 for other files.
 */
final class ArchiveExtractor {

    private record PendingLink(String path, String target) {
    }

    private final Path root;
    private final List<PendingLink> links = new ArrayList<>();

    private ArchiveExtractor(Path root) {
        this.root = root;
    }

    /** @param root an empty directory, as a real path (no symbolic links in it) */
    static void extract(TarReader reader, Path root) throws IOException {
        new ArchiveExtractor(root).run(reader);
    }

    private void run(TarReader reader) throws IOException {
        for (Optional<TarEntry> next = reader.next(); next.isPresent(); next = reader.next()) {
            TarEntry entry = next.get();
            String path = ArchivePaths.normalize(entry.path());
            if (path.isEmpty()) {
                if (entry.type() != TarEntry.Type.DIRECTORY) {
                    throw corrupt("the archive's root entry is not a directory");
                }
                continue;
            }
            switch (entry.type()) {
                case DIRECTORY -> directory(path);
                case FILE -> file(path, entry.executable(), reader.content());
                case SYMLINK -> {
                    ArchivePaths.checkLinkTarget(path, entry.linkTarget());
                    links.add(new PendingLink(path, entry.linkTarget()));
                }
            }
        }
        createLinks();
    }

    private void directory(String path) throws IOException {
        Path directory = parentsOf(path);
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return; // made earlier as the parent of a file
        }
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw corrupt("'" + path + "' appears twice, as a directory and as a file");
        }
        setMode(directory, "rwxr-xr-x");
    }

    private void file(String path, boolean executable, InputStream content) throws IOException {
        Path file = parentsOf(path);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            content.transferTo(out);
        } catch (FileAlreadyExistsException e) {
            throw corrupt("'" + path + "' appears twice in the archive");
        }
        setMode(file, executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private void createLinks() throws IOException {
        for (PendingLink link : links) {
            try {
                Files.createSymbolicLink(parentsOf(link.path()), Path.of(link.target()));
            } catch (FileAlreadyExistsException e) {
                throw corrupt("'" + link.path() + "' appears twice in the archive");
            }
        }
        // Names alone cannot see a link that climbs through another link ("a/b" -> "..", then "c" -> "a/b/.."): resolve them.
        for (PendingLink link : links) {
            Path path = root.resolve(link.path());
            if (Files.exists(path) && !path.toRealPath().startsWith(root)) {
                throw new CorruptCacheEntryException("the cache archive is unsafe: symbolic link '" + link.path() + "' -> '" + link.target()
                    + "' resolves outside the cached directory, through other links",
                    "restoring it would point outside the target directory (a crafted or broken archive)");
            }
        }
    }

    /** The path of an entry, with its missing parent directories made; refuses parents that are not plain directories. */
    private Path parentsOf(String path) throws IOException {
        Path current = root;
        String[] components = path.split("/");
        for (int i = 0; i < components.length - 1; i++) {
            current = current.resolve(components[i]);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
                setMode(current, "rwxr-xr-x");
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw corrupt("'" + path + "' would be written inside '" + root.relativize(current) + "', which is not a directory");
            }
        }
        return current.resolve(components[components.length - 1]);
    }

    private static void setMode(Path path, String permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString(permissions));
        }
    }

    private static CorruptCacheEntryException corrupt(String problem) {
        return new CorruptCacheEntryException("the cache archive is not restorable: " + problem,
            "the archive was not written by gocb, or was damaged before its digest was recorded");
    }
}
