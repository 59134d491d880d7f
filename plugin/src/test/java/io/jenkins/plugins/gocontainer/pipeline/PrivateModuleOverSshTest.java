package io.jenkins.plugins.gocontainer.pipeline;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import io.jenkins.plugins.gocontainer.testing.GitSshServer;
import io.jenkins.plugins.gocontainer.testing.GoImportMetaServer;
import io.jenkins.plugins.gocontainer.testing.PrivateModuleRepository;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * goModVendor fetches examples/private's dependency from the private SSH git fixture with a
 * passphrase-protected key from a Jenkins SSH credential; neither the key nor its passphrase
 * reaches the log.
 */
@WithJenkins
@ExtendWith(RealEnvironment.Extension.class)
class PrivateModuleOverSshTest {

    @Test
    void aJenkinsSshCredentialFetchesThePrivateModuleAndStaysOutOfTheLog(JenkinsRule r, RealEnvironment env) throws Exception {
        PipelineFixture.configure(env);
        try (GoImportMetaServer meta = GoImportMetaServer.start(); GitSshServer ssh = GitSshServer.start()) {
            PrivateModuleRepository.createIn(ssh.repositoryRoot());
            String key = Files.readString(ssh.encryptedClientKey());
            CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL, "git-deploy-key", ssh.user(), new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(key),
                ssh.passphrase(), "the fixture's deploy key"));
            Path work = env.newDirectory("pipeline-private-");
            Path knownHosts = Files.writeString(work.resolve("known_hosts"), ssh.knownHostsLine("127.0.0.1") + "\n");
            Path go = meta.goResolvingThePrivateHost(work);

            WorkflowJob job = r.createProject(WorkflowJob.class, "private");
            Path svc = Path.of(r.jenkins.getWorkspaceFor(job).getRemote()).resolve("svc");
            copy(ProjectLayout.example("private"), svc);
            job.setDefinition(new CpsFlowDefinition("""
                node {
                  withEnv(['SSL_CERT_FILE=%s', 'NO_PROXY=127.0.0.1,%s', 'GOTOOLCHAIN=local', 'GOFLAGS=-modcacherw']) {
                    def modules = goModVendor(context: 'svc', go: '%s', sshCredentialsId: 'git-deploy-key', knownHosts: '%s',
                                              gitSsh: ['%s@127.0.0.1:%d'], gitRewrites: ['https://%s/=%s'], goPrivate: '%s')
                    echo "modules=${modules.modules} location=${modules.location}"
                  }
                }
                """.formatted(meta.caCertificate(), PrivateModuleRepository.HOST, go, knownHosts, ssh.user(), ssh.port(),
                PrivateModuleRepository.HOST, ssh.baseUrl(), PrivateModuleRepository.HOST), true));

            WorkflowRun build = r.buildAndAssertSuccess(job);

            assertThat(svc.resolve(".gocb/gomodcache/cache/download/git.internal.test/team/secretlib/@v/v1.0.0.zip")).isRegularFile();
            assertThat(ssh.log()).contains("Accepted publickey for " + ssh.user());
            r.assertLogNotContains(ssh.passphrase(), build);
            r.assertLogNotContains(key.lines().skip(1).findFirst().orElseThrow(), build);
            r.assertLogNotContains("BEGIN OPENSSH PRIVATE KEY", build);
        }
    }


    private static void copy(Path source, Path target) throws Exception {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
    }
}
