package io.jenkins.plugins.gocontainer.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gocontainer.steps.PushTagsParameters;
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
 * Adds tags to an image already in a registry, by digest, without rebuilding or re-uploading layers.
 * Returns the tags placed as a map.
 * Parameters are {@code gocb}'s long options in camelCase; their meaning and checks live in core's
 * {@link PushTagsParameters}.
 */
public final class PushTagsStep extends Step {

    private final String image;
    private final String from;
    private String context;
    private String registryCredentialsId;
    private List<String> insecureRegistries = List.of();
    private List<String> tags = List.of();
    private String latest;
    private String tagPrefix;
    private String tagSuffix;
    private boolean requireSemver;

    @DataBoundConstructor
    public PushTagsStep(String image, String from) {
        this.image = Util.fixEmptyAndTrim(image);
        this.from = Util.fixEmptyAndTrim(from);
    }

    public String getImage() {
        return image;
    }

    public String getFrom() {
        return from;
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Util.fixEmptyAndTrim(context);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = Util.fixEmptyAndTrim(registryCredentialsId);
    }

    public List<String> getInsecureRegistries() {
        return insecureRegistries;
    }

    @DataBoundSetter
    public void setInsecureRegistries(List<String> insecureRegistries) {
        this.insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
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
        if (image != null) {
            arguments.put("image", image);
        }
        if (from != null) {
            arguments.put("from", from);
        }
        if (context != null) {
            arguments.put("context", context);
        }
        if (registryCredentialsId != null) {
            arguments.put("registryCredentialsId", registryCredentialsId);
        }
        if (!insecureRegistries.isEmpty()) {
            arguments.put("insecureRegistries", insecureRegistries);
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
        return new PushTagsExecution(arguments(), stepContext);
    }

    @Extension
    @Symbol("pushTags")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return PushTagsParameters.NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PushTagsStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, TaskListener.class, EnvVars.class);
        }
    }
}
