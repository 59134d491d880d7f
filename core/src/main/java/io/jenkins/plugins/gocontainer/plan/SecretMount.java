package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A BuildKit secret ({@code RUN --mount=type=secret,id=...}) read from a file. Only the path
 * travels on the command line; the content reaches the builder over the BuildKit session.
 */
public record SecretMount(String id, Path file) {

    public SecretMount {
        Objects.requireNonNull(file, "file");
        if (id == null || !id.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidBuildRequestException("invalid secret id '" + id + "'",
                "secret ids are referenced from the Dockerfile as --mount=type=secret,id=ID",
                "use letters, digits, '.', '_' and '-' only");
        }
    }
}
