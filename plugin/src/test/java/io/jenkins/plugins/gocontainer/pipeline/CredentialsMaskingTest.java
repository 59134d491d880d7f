package io.jenkins.plugins.gocontainer.pipeline;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A credential of the wrong type is refused by id and type; a registry password never reaches the log. */
@WithJenkins
@ExtendWith(RealEnvironment.Extension.class)
class CredentialsMaskingTest {

    private static final String PASSWORD = "registry-pass-4711";

    @Test
    void aCredentialOfTheWrongTypeIsRefusedWithTheTypeExpected(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
            new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "a registry login", "ci", PASSWORD));
        WorkflowJob job = PipelineFixture.job(r, "wrong-type", "v1.0.0",
            "node { goDockerBuild(context: 'svc', image: '" + env.registry().hostPort() + "/x/y', sshCredentialsId: 'registry') }");

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("the credential 'registry' is a UsernamePasswordCredentialsImpl, but SSH Username with private key is needed", build);
        r.assertLogNotContains(PASSWORD, build);
    }
}
