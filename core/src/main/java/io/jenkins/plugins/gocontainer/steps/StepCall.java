package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.operations.Secrets;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a step hands to its operation on the agent: the specification, which names its secrets,
 * and the secret values under those names.
 */
public record StepCall<S extends Serializable>(S specification, Secrets secrets) implements Serializable {

    private static final long serialVersionUID = 1L;

    public StepCall {
        Objects.requireNonNull(specification, "specification");
        Objects.requireNonNull(secrets, "secrets");
    }
}
