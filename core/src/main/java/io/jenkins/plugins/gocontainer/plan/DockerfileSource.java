package io.jenkins.plugins.gocontainer.plan;

import java.nio.file.Path;

/** The Dockerfile a plan builds with: the service's own, or one generated for it. */
public sealed interface DockerfileSource {

    record Existing(Path file) implements DockerfileSource {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    record Generated(String content) implements DockerfileSource {
        @Override
        public String describe() {
            return "generated (best-practice multi-stage; 'gocb dockerfile' prints it)";
        }
    }

    String describe();
}
