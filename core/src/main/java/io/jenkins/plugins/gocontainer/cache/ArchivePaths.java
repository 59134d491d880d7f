package io.jenkins.plugins.gocontainer.cache;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path rules of cache archives: entry paths are relative and never climb with "..", and a
 * symbolic link's target is relative and stays inside the archived tree. The same rules refuse a
 * tree when it is packed and an archive when it is unpacked, so that a save never produces an
 * entry that every restore would then reject.
 */
final class ArchivePaths {

    private ArchivePaths() {
    }

    /**
     * An entry path in canonical form: '/'-separated, without empty or "." components ("" for the
     * archive's root directory). Refuses absolute paths, "..", and NUL characters.
     */
    static String normalize(String path) {
        if (path.indexOf('\0') >= 0) {
            throw unsafe("entry '" + path.replace('\0', '?') + "' has a NUL character in its path");
        }
        if (path.startsWith("/")) {
            throw unsafe("entry '" + path + "' has an absolute path");
        }
        StringBuilder normalized = new StringBuilder();
        for (String component : path.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                throw unsafe("entry '" + path + "' climbs out of its directory with '..'");
            }
            normalized.append(normalized.isEmpty() ? "" : "/").append(component);
        }
        return normalized.toString();
    }

    /**
     * Checks that a link at {@code linkPath} (normalized) with this target points inside the tree,
     * judged by the names alone; {@link ArchiveExtractor} also checks the real path once all links exist.
     */
    static void checkLinkTarget(String linkPath, String target) {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw unsafe("symbolic link '" + linkPath + "' has an empty or NUL-containing target");
        }
        if (target.startsWith("/")) {
            throw unsafe("symbolic link '" + linkPath + "' points at the absolute path '" + target + "'");
        }
        Deque<String> position = new ArrayDeque<>();
        String[] linkComponents = linkPath.split("/");
        for (int i = 0; i < linkComponents.length - 1; i++) {
            position.addLast(linkComponents[i]);
        }
        for (String component : target.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (position.isEmpty()) {
                    throw unsafe("symbolic link '" + linkPath + "' points at '" + target + "', outside the cached directory");
                }
                position.removeLast();
            } else {
                position.addLast(component);
            }
        }
    }

    private static CorruptCacheEntryException unsafe(String problem) {
        return new CorruptCacheEntryException("the cache archive is unsafe: " + problem,
            "restoring it would write or point outside the target directory (a crafted or broken archive)");
    }
}
