package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Puts a fully prepared directory in the place of a target with renames only, so that the target
 * is at every moment either absent, the old tree or the new one, never a half-written mix.
 */
public final class DirectoryReplacement {

    private DirectoryReplacement() {
    }

    /** A fresh directory next to {@code target} (same file system, so it can be renamed onto it). */
    static Path prepareSibling(Path target) throws IOException {
        Path parent = parentOf(target);
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".gocb-restore-");
    }

    /** Renames {@code prepared} to {@code target}; an existing target is moved aside first, then deleted. */
    public static void replace(Path prepared, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = parentOf(target).resolve(".gocb-replaced-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        try {
            Trees.delete(old);
        } catch (IOException e) {
            throw new CacheException("replaced " + target + ", but its previous contents, moved aside to " + old + ", could not be deleted: " + e,
                "a file or directory in it is not writable by this user", "delete " + old + " by hand, as its owner");
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new CacheException("cannot put a cache directory at " + target, "the target is the file system root",
                "restore into a directory such as $WORKSPACE/.gomodcache");
        }
        return parent;
    }
}
