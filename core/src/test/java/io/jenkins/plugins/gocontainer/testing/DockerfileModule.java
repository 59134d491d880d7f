package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A module that ships its own Dockerfile: a go.mod (Go 1.26) and {@code dockerfile}, for builds that test the builder, not Go. */
public final class DockerfileModule {

    private DockerfileModule() {
    }

    /** Writes go.mod and the Dockerfile into {@code directory} (created if missing); returns it. */
    public static Path write(Path directory, String dockerfile) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("go.mod"), "module example.com/fixture\n\ngo 1.26\n");
        Files.writeString(directory.resolve("Dockerfile"), dockerfile);
        return directory;
    }
}
