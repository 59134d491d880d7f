package io.jenkins.plugins.gocontainer.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * @param stamps the variables its go build sets with -X, and their values for this build
     * @param binary what it compiles, when the planner generated it (a hand-made plan in a test may not say)
     */
    record Generated(String content, VersionStamps stamps, Optional<GoBinary> binary) implements DockerfileSource {
        public Generated {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(stamps, "stamps");
            Objects.requireNonNull(binary, "binary");
        }

        /** A generated Dockerfile that stamps the version into {@code main.version} only. */
        public Generated(String content) {
            this(content, VersionStamps.versionOnly(), Optional.empty());
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
