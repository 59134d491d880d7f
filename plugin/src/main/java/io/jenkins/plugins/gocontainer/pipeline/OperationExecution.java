package io.jenkins.plugins.gocontainer.pipeline;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.config.GoContainerBuildConfiguration;
import io.jenkins.plugins.gocontainer.credentials.StepCredentialsResolver;
import io.jenkins.plugins.gocontainer.steps.StepArguments;
import io.jenkins.plugins.gocontainer.steps.StepCredentials;
import io.jenkins.plugins.gocontainer.steps.StepDefaults;
import io.jenkins.plugins.gocontainer.steps.StepSettingNames;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.io.IOException;
import java.util.Map;

/**
 * The shared shape of the three steps: on the controller, check the arguments, resolve the
 * credentials for the running build and make the specification; on the agent, run the operation;
 * back on the controller, return the result's map. Runs on its own thread, so {@code stop}
 * interrupts it and with it the remote call.
 */
abstract class OperationExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> arguments;
    private final String stepName;

    OperationExecution(String stepName, Map<String, Object> arguments, StepContext context) {
        super(context);
        this.stepName = stepName;
        this.arguments = arguments;
    }

    @Override
    protected final Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        TaskListener listener = context.get(TaskListener.class);
        EnvVars environment = context.get(EnvVars.class);
        if (arguments == null) {
            throw new AbortException(Messages.OperationExecution_Restarted(stepName));
        }
        StepArguments args = StepArguments.of(stepName, arguments);
        StepCredentials credentials = StepCredentialsResolver.resolve(args, run);
        try {
            return execute(args, credentials, GoContainerBuildConfiguration.get().defaults(), workspace, environment, listener, run);
        } catch (GocbException e) {
            throw new AbortException(e.message(StepSettingNames.INSTANCE));
        }
    }

    abstract Map<String, Object> execute(StepArguments args, StepCredentials credentials, StepDefaults defaults, FilePath workspace,
                                         EnvVars environment, TaskListener listener, Run<?, ?> run) throws IOException, InterruptedException;
}
