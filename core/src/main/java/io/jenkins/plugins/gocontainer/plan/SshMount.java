package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Path;
import java.util.List;

/**
 * BuildKit SSH forwarding ({@code RUN --mount=type=ssh,id=...}) from an agent socket or key
 * files. The key never enters the build; the builder asks the client to sign.
 */
public record SshMount(String id, List<Path> sources) {

    public static final String DEFAULT_ID = "default";

    public SshMount {
        sources = List.copyOf(sources);
        if (id == null || !id.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidBuildRequestException("invalid SSH mount id '" + id + "'",
                "SSH ids are referenced from the Dockerfile as --mount=type=ssh,id=ID",
                "use 'default' unless the Dockerfile names another id");
        }
    }
}
