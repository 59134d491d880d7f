package io.jenkins.plugins.gocontainer.pipeline;

import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuild;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.steps.StepCall;

import java.io.IOException;
import java.util.Map;

final class GoDockerBuildCallable extends OperationCallable<GoDockerBuildResult> {

    private static final long serialVersionUID = 1L;

    private final GoDockerBuildSpec specification;

    GoDockerBuildCallable(StepCall<GoDockerBuildSpec> call, Map<String, String> environment, TaskListener listener) {
        super(environment, call.secrets(), listener);
        this.specification = call.specification();
    }

    @Override
    GoDockerBuildResult run(OperationContext context) throws IOException, InterruptedException {
        return new GoDockerBuild().run(specification, context);
    }
}
