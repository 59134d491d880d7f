package io.jenkins.plugins.gocontainer.pipeline;

import hudson.FilePath;
import io.jenkins.plugins.gocontainer.config.GoContainerBuildConfiguration;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

import java.nio.file.Path;
import java.time.Instant;

/** A pipeline job whose workspace holds a tagged commit of examples/modules, on the real builder and registry. */
final class PipelineFixture {

    /** Go resolves modules from the test module cache only, with the agent's toolchain. */
    static final String HERMETIC_GO = "withEnv(['GOPROXY=" + TestModules.proxyUrl() + ",off', 'GOSUMDB=off', 'GOTOOLCHAIN=local', 'GOFLAGS=-modcacherw'])";

    private PipelineFixture() {
    }

    /** Points the global configuration at the real builder and the local golang base. */
    static void configure(RealEnvironment env) {
        GoContainerBuildConfiguration configuration = GoContainerBuildConfiguration.get();
        configuration.setAddress(env.builder().address());
        configuration.setBaseImages(RealEnvironment.GOLANG_IMAGE + "=" + env.goBaseDirectory());
    }

    /** A job running {@code script}, its workspace holding examples/modules at {@code svc}, committed and tagged {@code tag}. */
    static WorkflowJob job(JenkinsRule r, String name, String tag, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        FilePath workspace = r.jenkins.getWorkspaceFor(job);
        Path svc = Path.of(workspace.getRemote()).resolve("svc");
        TestModules.copyExample(svc);
        try (GitFixture git = GitFixture.init(svc)) {
            git.commit("release " + tag, Instant.parse("2026-10-01T12:00:00Z"));
            git.annotatedTag(tag);
        }
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
