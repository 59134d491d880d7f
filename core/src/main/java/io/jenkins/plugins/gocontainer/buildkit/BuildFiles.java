package io.jenkins.plugins.gocontainer.buildkit;

import java.nio.file.Path;

/** The files of one build run: where the Dockerfile is, and where the builder writes its metadata. */
public record BuildFiles(Path dockerfile, Path metadataFile) {

    public Path dockerfileDirectory() {
        return dockerfile.getParent();
    }

    public String dockerfileName() {
        return dockerfile.getFileName().toString();
    }
}
