package io.jenkins.plugins.gocontainer.pipeline;

import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.operations.GoModVendor;
import io.jenkins.plugins.gocontainer.operations.GoModVendorResult;
import io.jenkins.plugins.gocontainer.operations.GoModVendorSpec;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.steps.StepCall;

import java.io.IOException;
import java.util.Map;

final class GoModVendorCallable extends OperationCallable<GoModVendorResult> {

    private static final long serialVersionUID = 1L;

    private final GoModVendorSpec specification;

    GoModVendorCallable(StepCall<GoModVendorSpec> call, Map<String, String> environment, TaskListener listener) {
        super(environment, call.secrets(), listener);
        this.specification = call.specification();
    }

    @Override
    GoModVendorResult run(OperationContext context) throws IOException, InterruptedException {
        return new GoModVendor().run(specification, context);
    }
}
