package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;

import java.io.IOException;

/** Turns a plan into a pushed image or an archive: BuildKit's {@code ImageBuilder}, or the go engine. */
@FunctionalInterface
public interface ImageEngine {

    BuildResult build(BuildPlan plan, OutputSink log) throws IOException, InterruptedException;
}
