package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;

import io.jenkins.plugins.gocontainer.exec.Command;

/** Turns a {@link BuildPlan} into the command of one BuildKit client. */
public interface BuildDriver {

    /** A short name for logs: "buildctl" or "buildx". */
    String name();

    /** The build command for a plan. */
    Command buildCommand(BuildPlan plan, BuildFiles files);

    /** A cheap command that succeeds only when the builder answers. */
    Command probeCommand();

    /** Where the builder is, for messages. */
    String builderDescription();
}
