package io.jenkins.plugins.gocontainer.gomod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** The bytes of the regular files under a directory, symbolic links not followed; 0 when it does not exist. */
final class DirectorySize {

    private DirectorySize() {
    }

    static long of(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.find(directory, Integer.MAX_VALUE, (path, attributes) -> attributes.isRegularFile())) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.readAttributes(file, BasicFileAttributes.class).size();
            }
            return total;
        }
    }
}
