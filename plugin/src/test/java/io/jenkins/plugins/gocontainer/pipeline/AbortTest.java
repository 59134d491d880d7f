package io.jenkins.plugins.gocontainer.pipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Aborting a build during goDockerBuild stops buildctl on the agent and deletes the build's private Docker config. */
@WithJenkins
@ExtendWith(RealEnvironment.Extension.class)
class AbortTest {

    @Test
    void abortingTheBuildLeavesNoProcessAndNoSecretDirectory(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
            new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "push login", "ci", "abort-test-password"));
        WorkflowJob job = r.createProject(WorkflowJob.class, "aborted");
        Path slow = Path.of(r.jenkins.getWorkspaceFor(job).getRemote()).resolve("slow");
        Files.createDirectories(slow);
        Files.writeString(slow.resolve("Dockerfile"), "FROM golang:1.26\nRUN sleep 600\n");
        job.setDefinition(new CpsFlowDefinition("node { goDockerBuild(context: 'slow', dockerfile: 'Dockerfile', image: '"
            + env.registry().hostPort() + "/abort/slow:1', registryCredentialsId: 'registry') }", true));
        Set<Path> secretsBefore = secretDirectories();

        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("RUN sleep 600", build);
        build.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));

        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(slow.toString())))
            .as("buildctl for the aborted build").isEmpty();
        assertThat(secretDirectories()).isEqualTo(secretsBefore);
        r.assertLogNotContains("abort-test-password", build);
    }

    private static Set<Path> secretDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("gocb-secrets-")).collect(Collectors.toSet());
        }
    }
}
