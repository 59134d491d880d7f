package io.jenkins.plugins.gocontainer.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.steps.GoDockerBuildParameters;
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
 * Builds a Go service into an image with BuildKit, pushes its candidate tag, judges the quality gates and adds the
 * moving tags; returns the build's result as a map (image, digest, candidate, tags, gates, ...).
 * Parameters are {@code gocb}'s long options in camelCase; their meaning and checks live in core's
 * {@link GoDockerBuildParameters}.
 */
public final class GoDockerBuildStep extends Step {

    private String context;
    private String dockerfile;
    private String mainPackage;
    private String image;
    private String ociArchive;
    private String appVersion;
    private List<String> ldflagsVars = List.of();
    private String target;
    private String engine;
    private Map<String, String> buildArgs = Map.of();
    private List<String> platforms = List.of();
    private Map<String, String> labels = Map.of();
    private List<String> baseImages = List.of();
    private List<String> addHosts = List.of();
    private List<String> insecureRegistries = List.of();
    private List<String> cache = List.of();
    private String moduleCache;
    private boolean vendored;
    private boolean noCache;
    private String goBuildCache;
    private String cacheStore;
    private String metadataFile;
    private String registryCredentialsId;
    private String maxImageSize;
    private String maxImageGrowth;
    private String sizeBaseline;
    private boolean uncompressedSize;
    private String lintReport;
    private Integer maxLintIssues;
    private String onBreach;
    private String gateJson;
    private String junit;
    private Boolean failOnGate;
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
    private String address;
    private String driver;
    private String buildxBuilder;
    private String tlsCaCert;
    private String tlsCert;
    private String tlsKey;
    private String tlsServerName;
    private List<String> tags = List.of();
    private String latest;
    private String tagPrefix;
    private String tagSuffix;
    private boolean requireSemver;

    @DataBoundConstructor
    public GoDockerBuildStep() {
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = Util.fixEmptyAndTrim(dockerfile);
    }

    public String getMainPackage() {
        return mainPackage;
    }

    @DataBoundSetter
    public void setMainPackage(String mainPackage) {
        this.mainPackage = Util.fixEmptyAndTrim(mainPackage);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    public String getOciArchive() {
        return ociArchive;
    }

    @DataBoundSetter
    public void setOciArchive(String ociArchive) {
        this.ociArchive = Util.fixEmptyAndTrim(ociArchive);
    }

    public String getAppVersion() {
        return appVersion;
    }

    @DataBoundSetter
    public void setAppVersion(String appVersion) {
        this.appVersion = Util.fixEmptyAndTrim(appVersion);
    }

    public List<String> getLdflagsVars() {
        return ldflagsVars;
    }

    @DataBoundSetter
    public void setLdflagsVars(List<String> ldflagsVars) {
        this.ldflagsVars = ldflagsVars == null ? List.of() : List.copyOf(ldflagsVars);
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Util.fixEmptyAndTrim(target);
    }

    public String getEngine() {
        return engine;
    }

    /** {@code buildkit} (the default) or {@code go}: compile on the agent and write the image without a builder. */
    @DataBoundSetter
    public void setEngine(String engine) {
        this.engine = Util.fixEmptyAndTrim(engine);
    }

    public Map<String, String> getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(Map<String, String> buildArgs) {
        this.buildArgs = buildArgs == null ? Map.of() : new LinkedHashMap<>(buildArgs);
    }

    public List<String> getPlatforms() {
        return platforms;
    }

    @DataBoundSetter
    public void setPlatforms(List<String> platforms) {
        this.platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(Map<String, String> labels) {
        this.labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
    }

    public List<String> getBaseImages() {
        return baseImages;
    }

    @DataBoundSetter
    public void setBaseImages(List<String> baseImages) {
        this.baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
    }

    public List<String> getAddHosts() {
        return addHosts;
    }

    @DataBoundSetter
    public void setAddHosts(List<String> addHosts) {
        this.addHosts = addHosts == null ? List.of() : List.copyOf(addHosts);
    }

    public List<String> getInsecureRegistries() {
        return insecureRegistries;
    }

    @DataBoundSetter
    public void setInsecureRegistries(List<String> insecureRegistries) {
        this.insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    }

    public List<String> getCache() {
        return cache;
    }

    @DataBoundSetter
    public void setCache(List<String> cache) {
        this.cache = cache == null ? List.of() : List.copyOf(cache);
    }

    public String getModuleCache() {
        return moduleCache;
    }

    @DataBoundSetter
    public void setModuleCache(String moduleCache) {
        this.moduleCache = Util.fixEmptyAndTrim(moduleCache);
    }

    public boolean isVendored() {
        return vendored;
    }

    @DataBoundSetter
    public void setVendored(boolean vendored) {
        this.vendored = vendored;
    }

    public boolean isNoCache() {
        return noCache;
    }

    @DataBoundSetter
    public void setNoCache(boolean noCache) {
        this.noCache = noCache;
    }

    public String getGoBuildCache() {
        return goBuildCache;
    }

    @DataBoundSetter
    public void setGoBuildCache(String goBuildCache) {
        this.goBuildCache = Util.fixEmptyAndTrim(goBuildCache);
    }

    public String getCacheStore() {
        return cacheStore;
    }

    @DataBoundSetter
    public void setCacheStore(String cacheStore) {
        this.cacheStore = Util.fixEmptyAndTrim(cacheStore);
    }

    public String getMetadataFile() {
        return metadataFile;
    }

    @DataBoundSetter
    public void setMetadataFile(String metadataFile) {
        this.metadataFile = Util.fixEmptyAndTrim(metadataFile);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = Util.fixEmptyAndTrim(registryCredentialsId);
    }

    public String getMaxImageSize() {
        return maxImageSize;
    }

    @DataBoundSetter
    public void setMaxImageSize(String maxImageSize) {
        this.maxImageSize = Util.fixEmptyAndTrim(maxImageSize);
    }

    public String getMaxImageGrowth() {
        return maxImageGrowth;
    }

    @DataBoundSetter
    public void setMaxImageGrowth(String maxImageGrowth) {
        this.maxImageGrowth = Util.fixEmptyAndTrim(maxImageGrowth);
    }

    public String getSizeBaseline() {
        return sizeBaseline;
    }

    @DataBoundSetter
    public void setSizeBaseline(String sizeBaseline) {
        this.sizeBaseline = Util.fixEmptyAndTrim(sizeBaseline);
    }

    public boolean isUncompressedSize() {
        return uncompressedSize;
    }

    @DataBoundSetter
    public void setUncompressedSize(boolean uncompressedSize) {
        this.uncompressedSize = uncompressedSize;
    }

    public String getLintReport() {
        return lintReport;
    }

    @DataBoundSetter
    public void setLintReport(String lintReport) {
        this.lintReport = Util.fixEmptyAndTrim(lintReport);
    }

    public Integer getMaxLintIssues() {
        return maxLintIssues;
    }

    @DataBoundSetter
    public void setMaxLintIssues(Integer maxLintIssues) {
        this.maxLintIssues = maxLintIssues;
    }

    public String getOnBreach() {
        return onBreach;
    }

    @DataBoundSetter
    public void setOnBreach(String onBreach) {
        this.onBreach = Util.fixEmptyAndTrim(onBreach);
    }

    public String getGateJson() {
        return gateJson;
    }

    @DataBoundSetter
    public void setGateJson(String gateJson) {
        this.gateJson = Util.fixEmptyAndTrim(gateJson);
    }

    public String getJunit() {
        return junit;
    }

    @DataBoundSetter
    public void setJunit(String junit) {
        this.junit = Util.fixEmptyAndTrim(junit);
    }

    public Boolean getFailOnGate() {
        return failOnGate;
    }

    @DataBoundSetter
    public void setFailOnGate(Boolean failOnGate) {
        this.failOnGate = failOnGate;
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

    public String getAddress() {
        return address;
    }

    @DataBoundSetter
    public void setAddress(String address) {
        this.address = Util.fixEmptyAndTrim(address);
    }

    public String getDriver() {
        return driver;
    }

    @DataBoundSetter
    public void setDriver(String driver) {
        this.driver = Util.fixEmptyAndTrim(driver);
    }

    public String getBuildxBuilder() {
        return buildxBuilder;
    }

    @DataBoundSetter
    public void setBuildxBuilder(String buildxBuilder) {
        this.buildxBuilder = Util.fixEmptyAndTrim(buildxBuilder);
    }

    public String getTlsCaCert() {
        return tlsCaCert;
    }

    @DataBoundSetter
    public void setTlsCaCert(String tlsCaCert) {
        this.tlsCaCert = Util.fixEmptyAndTrim(tlsCaCert);
    }

    public String getTlsCert() {
        return tlsCert;
    }

    @DataBoundSetter
    public void setTlsCert(String tlsCert) {
        this.tlsCert = Util.fixEmptyAndTrim(tlsCert);
    }

    public String getTlsKey() {
        return tlsKey;
    }

    @DataBoundSetter
    public void setTlsKey(String tlsKey) {
        this.tlsKey = Util.fixEmptyAndTrim(tlsKey);
    }

    public String getTlsServerName() {
        return tlsServerName;
    }

    @DataBoundSetter
    public void setTlsServerName(String tlsServerName) {
        this.tlsServerName = Util.fixEmptyAndTrim(tlsServerName);
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        this.tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String getLatest() {
        return latest;
    }

    @DataBoundSetter
    public void setLatest(String latest) {
        this.latest = Util.fixEmptyAndTrim(latest);
    }

    public String getTagPrefix() {
        return tagPrefix;
    }

    @DataBoundSetter
    public void setTagPrefix(String tagPrefix) {
        this.tagPrefix = Util.fixEmptyAndTrim(tagPrefix);
    }

    public String getTagSuffix() {
        return tagSuffix;
    }

    @DataBoundSetter
    public void setTagSuffix(String tagSuffix) {
        this.tagSuffix = Util.fixEmptyAndTrim(tagSuffix);
    }

    public boolean isRequireSemver() {
        return requireSemver;
    }

    @DataBoundSetter
    public void setRequireSemver(boolean requireSemver) {
        this.requireSemver = requireSemver;
    }

    /** The arguments that were given, under their parameter names, for core to map and check. */
    Map<String, Object> arguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        if (context != null) {
            arguments.put("context", context);
        }
        if (dockerfile != null) {
            arguments.put("dockerfile", dockerfile);
        }
        if (mainPackage != null) {
            arguments.put("mainPackage", mainPackage);
        }
        if (image != null) {
            arguments.put("image", image);
        }
        if (ociArchive != null) {
            arguments.put("ociArchive", ociArchive);
        }
        if (appVersion != null) {
            arguments.put("appVersion", appVersion);
        }
        if (!ldflagsVars.isEmpty()) {
            arguments.put("ldflagsVars", ldflagsVars);
        }
        if (engine != null) {
            arguments.put("engine", engine);
        }
        if (target != null) {
            arguments.put("target", target);
        }
        if (!buildArgs.isEmpty()) {
            arguments.put("buildArgs", buildArgs);
        }
        if (!platforms.isEmpty()) {
            arguments.put("platforms", platforms);
        }
        if (!labels.isEmpty()) {
            arguments.put("labels", labels);
        }
        if (!baseImages.isEmpty()) {
            arguments.put("baseImages", baseImages);
        }
        if (!addHosts.isEmpty()) {
            arguments.put("addHosts", addHosts);
        }
        if (!insecureRegistries.isEmpty()) {
            arguments.put("insecureRegistries", insecureRegistries);
        }
        if (!cache.isEmpty()) {
            arguments.put("cache", cache);
        }
        if (moduleCache != null) {
            arguments.put("moduleCache", moduleCache);
        }
        if (vendored) {
            arguments.put("vendored", true);
        }
        if (noCache) {
            arguments.put("noCache", true);
        }
        if (goBuildCache != null) {
            arguments.put("goBuildCache", goBuildCache);
        }
        if (cacheStore != null) {
            arguments.put("cacheStore", cacheStore);
        }
        if (metadataFile != null) {
            arguments.put("metadataFile", metadataFile);
        }
        if (registryCredentialsId != null) {
            arguments.put("registryCredentialsId", registryCredentialsId);
        }
        if (maxImageSize != null) {
            arguments.put("maxImageSize", maxImageSize);
        }
        if (maxImageGrowth != null) {
            arguments.put("maxImageGrowth", maxImageGrowth);
        }
        if (sizeBaseline != null) {
            arguments.put("sizeBaseline", sizeBaseline);
        }
        if (uncompressedSize) {
            arguments.put("uncompressedSize", true);
        }
        if (lintReport != null) {
            arguments.put("lintReport", lintReport);
        }
        if (maxLintIssues != null) {
            arguments.put("maxLintIssues", maxLintIssues);
        }
        if (onBreach != null) {
            arguments.put("onBreach", onBreach);
        }
        if (gateJson != null) {
            arguments.put("gateJson", gateJson);
        }
        if (junit != null) {
            arguments.put("junit", junit);
        }
        if (failOnGate != null) {
            arguments.put("failOnGate", failOnGate);
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
        if (address != null) {
            arguments.put("address", address);
        }
        if (driver != null) {
            arguments.put("driver", driver);
        }
        if (buildxBuilder != null) {
            arguments.put("buildxBuilder", buildxBuilder);
        }
        if (tlsCaCert != null) {
            arguments.put("tlsCaCert", tlsCaCert);
        }
        if (tlsCert != null) {
            arguments.put("tlsCert", tlsCert);
        }
        if (tlsKey != null) {
            arguments.put("tlsKey", tlsKey);
        }
        if (tlsServerName != null) {
            arguments.put("tlsServerName", tlsServerName);
        }
        if (!tags.isEmpty()) {
            arguments.put("tags", tags);
        }
        if (latest != null) {
            arguments.put("latest", latest);
        }
        if (tagPrefix != null) {
            arguments.put("tagPrefix", tagPrefix);
        }
        if (tagSuffix != null) {
            arguments.put("tagSuffix", tagSuffix);
        }
        if (requireSemver) {
            arguments.put("requireSemver", true);
        }
        return arguments;
    }

    @Override
    public StepExecution start(StepContext stepContext) {
        return new GoDockerBuildExecution(arguments(), stepContext);
    }

    @Extension
    @Symbol("goDockerBuild")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return GoDockerBuildParameters.NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GoDockerBuildStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
        }
    }
}
