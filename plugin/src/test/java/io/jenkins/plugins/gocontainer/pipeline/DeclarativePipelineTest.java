package io.jenkins.plugins.gocontainer.pipeline;

import hudson.model.Result;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three steps in a declarative pipeline, against the real buildkitd and registry of dev/setup:
 * modules downloaded for an offline build, a gated build of the release commit, and a tag added
 * to the returned candidate by digest.
 */
@WithJenkins
@ExtendWith(RealEnvironment.Extension.class)
class DeclarativePipelineTest {

    @Test
    void vendorThenGatedBuildThenPushTagsOfTheCandidate(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        String repository = env.registry().hostPort() + "/pipeline/modules";
        WorkflowJob job = PipelineFixture.job(r, "release", "v1.4.0", """
            pipeline {
              agent any
              stages {
                stage('build') {
                  steps {
                    %s {
                      script {
                        def modules = goModVendor(context: 'svc', mode: 'download')
                        def img = goDockerBuild(context: 'svc', image: '%s', moduleCache: modules.location, maxImageSize: '200MB')
                        def promoted = pushTags(image: img.image, from: img.candidate, tags: ['stable'])
                        echo "digest=${img.digest} candidate=${img.candidate} outcome=${img.outcome} version=${img.version}"
                        echo "promoted=${promoted.tags.collect { it.tag }}"
                      }
                    }
                  }
                }
              }
            }
            """.formatted(PipelineFixture.HERMETIC_GO, repository));

        WorkflowRun build = r.buildAndAssertSuccess(job);

        String digest = RegistryProbe.manifest(env.registry(), "pipeline/modules", "1.4.0").computedDigest();
        assertThat(digest).startsWith("sha256:");
        r.assertLogContains("digest=" + digest, build);
        r.assertLogContains("outcome=PASSED version=1.4.0", build);
        r.assertLogContains("promoted=[stable]", build);
        assertThat(RegistryProbe.manifest(env.registry(), "pipeline/modules", "stable").computedDigest()).isEqualTo(digest);
        assertThat(build.getResult()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void aFailedGateFailsTheBuildAnUnstableOneMarksItAndFailOnGateFalseReturns(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        String repository = env.registry().hostPort() + "/gates/modules";
        String build = "goDockerBuild(context: 'svc', image: '" + repository + "', moduleCache: m.location, maxImageSize: '1KB'";

        WorkflowJob failing = PipelineFixture.job(r, "failing", "v2.0.0", "node { " + PipelineFixture.HERMETIC_GO + " {\n"
            + "def m = goModVendor(context: 'svc')\n" + build + ")\n} }");
        WorkflowRun failed = r.buildAndAssertStatus(Result.FAILURE, failing);
        r.assertLogContains("goDockerBuild: a quality gate failed; the candidate " + repository + ":sha-", failed);
        assertThat(RegistryProbe.manifest(env.registry(), "gates/modules", "2.0.0").status()).as("moving tags withheld").isEqualTo(404);

        WorkflowJob unstable = PipelineFixture.job(r, "unstable", "v2.0.1", "node { " + PipelineFixture.HERMETIC_GO + " {\n"
            + "def m = goModVendor(context: 'svc')\n" + build + ", onBreach: 'unstable')\necho 'after the step'\n} }");
        WorkflowRun marked = r.buildAndAssertStatus(Result.UNSTABLE, unstable);
        r.assertLogContains("after the step", marked);

        WorkflowJob deciding = PipelineFixture.job(r, "deciding", "v2.0.2", "node { " + PipelineFixture.HERMETIC_GO + " {\n"
            + "def m = goModVendor(context: 'svc')\ndef img = " + build + ", failOnGate: false)\necho \"outcome=${img.outcome}\"\n} }");
        WorkflowRun returned = r.buildAndAssertSuccess(deciding);
        r.assertLogContains("outcome=FAILED", returned);
    }

    @Test
    void aMissingCredentialIsRefusedByItsIdBeforeAnythingRuns(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        WorkflowJob job = PipelineFixture.job(r, "missing", "v1.0.0",
            "node { goDockerBuild(context: 'svc', image: '" + env.registry().hostPort() + "/x/y', sshCredentialsId: 'no-such-key') }");

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("goDockerBuild: no credentials with the id 'no-such-key' are visible to this build", build);
        r.assertLogNotContains("buildctl on", build);
    }

    @Test
    void anUnknownParameterIsRefusedByJenkinsAndAWrongValueByCoreWithTheParameterName(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        WorkflowJob job = PipelineFixture.job(r, "wrong", "v1.0.0",
            "node { goDockerBuild(context: 'svc', image: 'r.example.com/a', moduleCache: 'm', vendored: true) }");

        WorkflowRun build = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("both moduleCache and vendored were given", build);
    }
}
