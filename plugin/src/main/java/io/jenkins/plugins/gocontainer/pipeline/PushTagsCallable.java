package io.jenkins.plugins.gocontainer.pipeline;

import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.operations.PushTags;
import io.jenkins.plugins.gocontainer.operations.PushTagsResult;
import io.jenkins.plugins.gocontainer.operations.PushTagsSpec;
import io.jenkins.plugins.gocontainer.steps.StepCall;

import java.io.IOException;
import java.util.Map;

final class PushTagsCallable extends OperationCallable<PushTagsResult> {

    private static final long serialVersionUID = 1L;

    private final PushTagsSpec specification;

    PushTagsCallable(StepCall<PushTagsSpec> call, Map<String, String> environment, TaskListener listener) {
        super(environment, call.secrets(), listener);
        this.specification = call.specification();
    }

    @Override
    PushTagsResult run(OperationContext context) throws IOException, InterruptedException {
        return new PushTags().run(specification, context);
    }
}
