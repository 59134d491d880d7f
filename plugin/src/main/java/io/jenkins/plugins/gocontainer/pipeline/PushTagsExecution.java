package io.jenkins.plugins.gocontainer.pipeline;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.steps.PushTagsParameters;
import io.jenkins.plugins.gocontainer.steps.StepArguments;
import io.jenkins.plugins.gocontainer.steps.StepCredentials;
import io.jenkins.plugins.gocontainer.steps.StepDefaults;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.util.Map;

final class PushTagsExecution extends OperationExecution {

    private static final long serialVersionUID = 1L;

    PushTagsExecution(Map<String, Object> arguments, StepContext context) {
        super(PushTagsParameters.NAME, arguments, context);
    }

    @Override
    Map<String, Object> execute(StepArguments args, StepCredentials credentials, StepDefaults defaults, FilePath workspace, EnvVars environment,
                                TaskListener listener, Run<?, ?> run) throws IOException, InterruptedException {
        return workspace.act(new PushTagsCallable(PushTagsParameters.call(args, credentials, defaults), environment, listener)).toMap();
    }
}
