package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/** What turns the service into an image. */
public enum BuildEngine {

    /** BuildKit runs the Dockerfile (the service's own, or the generated one): the default. */
    BUILDKIT,

    /**
     * The agent's go compiles the binary and gocb writes the image itself (scratch, CA certificates,
     * a non-root user, the binary): no builder, no base image to pull, one layer per change.
     */
    GO;

    /** {@code buildkit} or {@code go}, as a step parameter or an option gives it; empty means BuildKit. */
    public static BuildEngine parse(String value) {
        if (value == null || value.isBlank()) {
            return BUILDKIT;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(engine -> engine.name().equals(name)).findFirst()
            .orElseThrow(() -> new InvalidBuildRequestException("unknown " + setting("engine") + " '" + value + "'",
                "the engines are " + Arrays.stream(values()).map(BuildEngine::id).collect(Collectors.joining(" and ")),
                "write " + setting("engine") + " go to compile on the agent, or leave it out for BuildKit"));
    }

    /** The name users write. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
