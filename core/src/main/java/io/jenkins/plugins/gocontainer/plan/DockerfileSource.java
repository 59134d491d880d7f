package io.jenkins.plugins.gocontainer.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Dockerfile a plan builds with: the service's own, or one generated for it. */
public sealed interface DockerfileSource {

    record Existing(Path file) implements DockerfileSource {
        @Override
        public String describe() {
            return file.toString();
        }

        @Override
        public String text() throws IOException {
            return Files.readString(file);
        }
    }

    /** @param stamps the variables its go build sets with -X, and their values for this build */
    record Generated(String content, VersionStamps stamps) implements DockerfileSource {
        public Generated {
            java.util.Objects.requireNonNull(content, "content");
            java.util.Objects.requireNonNull(stamps, "stamps");
        }

        /** A generated Dockerfile that stamps the version into {@code main.version} only. */
        public Generated(String content) {
            this(content, VersionStamps.versionOnly());
        }

        @Override
        public String describe() {
            return "generated (best-practice multi-stage; 'gocb dockerfile' prints it)";
        }

        @Override
        public String text() {
            return content;
        }
    }

    String describe();

    String text() throws IOException;
}
