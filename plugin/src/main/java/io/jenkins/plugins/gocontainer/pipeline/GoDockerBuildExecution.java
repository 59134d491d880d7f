package io.jenkins.plugins.gocontainer.pipeline;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import io.jenkins.plugins.gocontainer.steps.GoDockerBuildParameters;
import io.jenkins.plugins.gocontainer.steps.StepArguments;
import io.jenkins.plugins.gocontainer.steps.StepCall;
import io.jenkins.plugins.gocontainer.steps.StepCredentials;
import io.jenkins.plugins.gocontainer.steps.StepDefaults;
import io.jenkins.plugins.gocontainer.steps.StepVerdict;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.io.IOException;
import java.util.Map;

/** goDockerBuild: the build on the agent, then the gates' verdict on the step and the build. */
final class GoDockerBuildExecution extends OperationExecution {

    private static final long serialVersionUID = 1L;

    GoDockerBuildExecution(Map<String, Object> arguments, StepContext context) {
        super(GoDockerBuildParameters.NAME, arguments, context);
    }

    @Override
    Map<String, Object> execute(StepArguments args, StepCredentials credentials, StepDefaults defaults, FilePath workspace, EnvVars environment,
                                TaskListener listener, Run<?, ?> run) throws IOException, InterruptedException {
        StepCall<GoDockerBuildSpec> call = GoDockerBuildParameters.call(args, credentials, defaults, environment);
        GoDockerBuildResult result = workspace.act(new GoDockerBuildCallable(call, environment, listener));
        StepVerdict verdict = StepVerdict.of(result, GoDockerBuildParameters.failOnGate(args));
        if (verdict.fails()) {
            throw new AbortException(verdict.message());
        }
        if (!verdict.message().isEmpty()) {
            listener.getLogger().println(verdict.message());
        }
        if (verdict.result().isPresent()) {
            // As the unstable step does: the stage shows the warning, the build ends UNSTABLE.
            getContext().get(FlowNode.class).addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(verdict.message()));
            run.setResult(Result.UNSTABLE);
        }
        return result.toMap();
    }
}
