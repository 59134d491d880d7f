package io.jenkins.plugins.gocontainer.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.steps.GoModVendorParameters;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the module graph available offline: {@code go mod vendor}, or {@code go mod download} into a module
 * cache the build reads; restores and saves that cache keyed by go.sum. Returns the result as a map.
 * Parameters are {@code gocb}'s long options in camelCase; their meaning and checks live in core's
 * {@link GoModVendorParameters}.
 */
public final class GoModVendorStep extends Step {

    private String context;
    private String mode;
    private String moduleCache;
    private String go;
    private String cacheStore;
    private List<String> insecureRegistries = List.of();
    private String sshCredentialsId;
    private Boolean sshAgent;
    private String knownHosts;
    private List<String> gitSsh = List.of();
    private String gitTokenCredentialsId;
    private String gitTokenUser;
    private String gitHost;
    private List<String> gitRewrites = List.of();
    private String caCertificateCredentialsId;
    private String goPrivate;
    private String goNoProxy;
    private String goNoSumDb;
    private String goProxy;
    private String goSumDb;
    private String goFlags;
    private String goInsecure;
    private boolean noHostGoEnvironment;

    @DataBoundConstructor
    public GoModVendorStep() {
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = Util.fixEmptyAndTrim(mode);
    }

    public String getModuleCache() {
        return moduleCache;
    }

    @DataBoundSetter
    public void setModuleCache(String moduleCache) {
        this.moduleCache = Util.fixEmptyAndTrim(moduleCache);
    }

    public String getGo() {
        return go;
    }

    @DataBoundSetter
    public void setGo(String go) {
        this.go = Util.fixEmptyAndTrim(go);
    }

    public String getCacheStore() {
        return cacheStore;
    }

    @DataBoundSetter
    public void setCacheStore(String cacheStore) {
        this.cacheStore = Util.fixEmptyAndTrim(cacheStore);
    }

    public List<String> getInsecureRegistries() {
        return insecureRegistries;
    }

    @DataBoundSetter
    public void setInsecureRegistries(List<String> insecureRegistries) {
        this.insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }

    public String getSshCredentialsId() {
        return sshCredentialsId;
    }

    @DataBoundSetter
    public void setSshCredentialsId(String sshCredentialsId) {
        this.sshCredentialsId = Util.fixEmptyAndTrim(sshCredentialsId);
    }

    public Boolean getSshAgent() {
        return sshAgent;
    }

    @DataBoundSetter
    public void setSshAgent(Boolean sshAgent) {
        this.sshAgent = sshAgent;
    }

    public String getKnownHosts() {
        return knownHosts;
    }

    @DataBoundSetter
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = Util.fixEmptyAndTrim(knownHosts);
    }

    public List<String> getGitSsh() {
        return gitSsh;
    }

    @DataBoundSetter
    public void setGitSsh(List<String> gitSsh) {
        this.gitSsh = gitSsh == null ? List.of() : List.copyOf(gitSsh);
    }

    public String getGitTokenCredentialsId() {
        return gitTokenCredentialsId;
    }

    @DataBoundSetter
    public void setGitTokenCredentialsId(String gitTokenCredentialsId) {
        this.gitTokenCredentialsId = Util.fixEmptyAndTrim(gitTokenCredentialsId);
    }

    public String getGitTokenUser() {
        return gitTokenUser;
    }

    @DataBoundSetter
    public void setGitTokenUser(String gitTokenUser) {
        this.gitTokenUser = Util.fixEmptyAndTrim(gitTokenUser);
    }

    public String getGitHost() {
        return gitHost;
    }

    @DataBoundSetter
    public void setGitHost(String gitHost) {
        this.gitHost = Util.fixEmptyAndTrim(gitHost);
    }

    public List<String> getGitRewrites() {
        return gitRewrites;
    }

    @DataBoundSetter
    public void setGitRewrites(List<String> gitRewrites) {
        this.gitRewrites = gitRewrites == null ? List.of() : List.copyOf(gitRewrites);
    }

    public String getCaCertificateCredentialsId() {
        return caCertificateCredentialsId;
    }

    @DataBoundSetter
    public void setCaCertificateCredentialsId(String caCertificateCredentialsId) {
        this.caCertificateCredentialsId = Util.fixEmptyAndTrim(caCertificateCredentialsId);
    }

    public String getGoPrivate() {
        return goPrivate;
    }

    @DataBoundSetter
    public void setGoPrivate(String goPrivate) {
        this.goPrivate = Util.fixEmptyAndTrim(goPrivate);
    }

    public String getGoNoProxy() {
        return goNoProxy;
    }

    @DataBoundSetter
    public void setGoNoProxy(String goNoProxy) {
        this.goNoProxy = Util.fixEmptyAndTrim(goNoProxy);
    }

    public String getGoNoSumDb() {
        return goNoSumDb;
    }

    @DataBoundSetter
    public void setGoNoSumDb(String goNoSumDb) {
        this.goNoSumDb = Util.fixEmptyAndTrim(goNoSumDb);
    }

    public String getGoProxy() {
        return goProxy;
    }

    @DataBoundSetter
    public void setGoProxy(String goProxy) {
        this.goProxy = Util.fixEmptyAndTrim(goProxy);
    }

    public String getGoSumDb() {
        return goSumDb;
    }

    @DataBoundSetter
    public void setGoSumDb(String goSumDb) {
        this.goSumDb = Util.fixEmptyAndTrim(goSumDb);
    }

    public String getGoFlags() {
        return goFlags;
    }

    @DataBoundSetter
    public void setGoFlags(String goFlags) {
        this.goFlags = Util.fixEmptyAndTrim(goFlags);
    }

    public String getGoInsecure() {
        return goInsecure;
    }

    @DataBoundSetter
    public void setGoInsecure(String goInsecure) {
        this.goInsecure = Util.fixEmptyAndTrim(goInsecure);
    }

    public boolean isNoHostGoEnvironment() {
        return noHostGoEnvironment;
    }

    @DataBoundSetter
    public void setNoHostGoEnvironment(boolean noHostGoEnvironment) {
        this.noHostGoEnvironment = noHostGoEnvironment;
    }

    /** The arguments that were given, under their parameter names, for core to map and check. */
    Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (context != null) {
            arguments.put("context", context);
        }
        if (mode != null) {
            arguments.put("mode", mode);
        }
        if (moduleCache != null) {
            arguments.put("moduleCache", moduleCache);
        }
        if (go != null) {
            arguments.put("go", go);
        }
        if (cacheStore != null) {
            arguments.put("cacheStore", cacheStore);
        }
        if (!insecureRegistries.isEmpty()) {
            arguments.put("insecureRegistries", insecureRegistries);
        }
        if (sshCredentialsId != null) {
            arguments.put("sshCredentialsId", sshCredentialsId);
        }
        if (sshAgent != null) {
            arguments.put("sshAgent", sshAgent);
        }
        if (knownHosts != null) {
            arguments.put("knownHosts", knownHosts);
        }
        if (!gitSsh.isEmpty()) {
            arguments.put("gitSsh", gitSsh);
        }
        if (gitTokenCredentialsId != null) {
            arguments.put("gitTokenCredentialsId", gitTokenCredentialsId);
        }
        if (gitTokenUser != null) {
            arguments.put("gitTokenUser", gitTokenUser);
        }
        if (gitHost != null) {
            arguments.put("gitHost", gitHost);
        }
        if (!gitRewrites.isEmpty()) {
            arguments.put("gitRewrites", gitRewrites);
        }
        if (caCertificateCredentialsId != null) {
            arguments.put("caCertificateCredentialsId", caCertificateCredentialsId);
        }
        if (goPrivate != null) {
            arguments.put("goPrivate", goPrivate);
        }
        if (goNoProxy != null) {
            arguments.put("goNoProxy", goNoProxy);
        }
        if (goNoSumDb != null) {
            arguments.put("goNoSumDb", goNoSumDb);
        }
        if (goProxy != null) {
            arguments.put("goProxy", goProxy);
        }
        if (goSumDb != null) {
            arguments.put("goSumDb", goSumDb);
        }
        if (goFlags != null) {
            arguments.put("goFlags", goFlags);
        }
        if (goInsecure != null) {
            arguments.put("goInsecure", goInsecure);
        }
        if (noHostGoEnvironment) {
            arguments.put("noHostGoEnvironment", true);
        }
        return arguments;
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        return new GoModVendorExecution(arguments(), stepContext);
    }

    @Extension
    @Symbol("goModVendor")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return GoModVendorParameters.NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GoModVendorStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
        }
    }
}
