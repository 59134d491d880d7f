package io.jenkins.plugins.gocontainer.pipeline;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.operations.Secrets;
import io.jenkins.plugins.gocontainer.steps.StepSettingNames;
import jenkins.MasterToSlaveFileCallable;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one of core's operations on the agent that holds the workspace, with the build's
 * environment, streaming masked lines to the build log. Interrupting the step interrupts the
 * remote call, and the operation then stops its processes and deletes its secret files.
 */
abstract class OperationCallable<R extends Serializable> extends MasterToSlaveFileCallable<R> {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> environment;
    private final Secrets secrets;
    private final TaskListener listener;

    OperationCallable(Map<String, String> environment, Secrets secrets, TaskListener listener) {
        this.environment = new LinkedHashMap<>(environment);
        this.secrets = secrets;
        this.listener = listener;
    }

    @Override
    public R invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        OperationContext context = OperationContext.of(workspace.toPath().toAbsolutePath(), environment, log::println)
            .withSecrets(secrets)
            .withSettingNames(StepSettingNames.INSTANCE);
        try {
            return run(context);
        } catch (GocbException e) {
            // Core's messages hold no secret; spelled with the steps' parameter names.
            throw new AbortException(e.message(StepSettingNames.INSTANCE));
        }
    }

    abstract R run(OperationContext context) throws IOException, InterruptedException;
}
