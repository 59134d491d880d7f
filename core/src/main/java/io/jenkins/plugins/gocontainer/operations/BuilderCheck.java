package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.buildkit.BuilderUnreachableException;
import io.jenkins.plugins.gocontainer.buildkit.BuildDriver;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.OutputSink;

import java.io.IOException;

/**
 * Whether the configured builder answers, as a "Test connection" button asks: the driver's probe
 * ({@code buildctl debug workers}, {@code docker buildx inspect}) against the settings' address,
 * without starting an embedded builder.
 */
public final class BuilderCheck {

    private BuilderCheck() {
    }

    /** The builder's description when it answers; otherwise a {@link BuilderUnreachableException}, or a {@link GocbException} when the client is missing. */
    public static String check(BuilderSettings settings, OperationContext context) throws IOException, InterruptedException {
        BuildDriver driver = settings.driverWithoutStarting(context);
        CommandResult result = context.runner().run(driver.probeCommand(), OutputSink.discard());
        if (!result.succeeded()) {
            throw new BuilderUnreachableException(driver.builderDescription(), result.exitCode(), result.lastLines());
        }
        return driver.name() + " reached " + driver.builderDescription();
    }
}
