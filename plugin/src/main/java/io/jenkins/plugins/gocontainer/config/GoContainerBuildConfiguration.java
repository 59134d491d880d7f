package io.jenkins.plugins.gocontainer.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.operations.BuilderCheck;
import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.steps.StepDefaults;
import io.jenkins.plugins.gocontainer.steps.StepSettingNames;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The administrator's defaults for every go-container-build step: the builder, base-image mirrors,
 * insecure registries, a cache store and a size gate. A step argument of the same name overrides
 * each. Settable from Configuration as Code under {@code unclassified: goContainerBuild:}.
 */
@Extension
@Symbol("goContainerBuild")
public class GoContainerBuildConfiguration extends GlobalConfiguration {

    private String address;
    private String tlsCaCert;
    private String tlsCert;
    private String tlsKey;
    private String driver;
    private String buildxBuilder;
    private String baseImages;
    private String insecureRegistries;
    private String cacheStore;
    private String maxImageSize;

    public GoContainerBuildConfiguration() {
        load();
    }

    public static GoContainerBuildConfiguration get() {
        return GlobalConfiguration.all().getInstance(GoContainerBuildConfiguration.class);
    }

    /** These settings as core's defaults for the steps. */
    public StepDefaults defaults() {
        return new StepDefaults(address, tlsCaCert, tlsCert, tlsKey, driver, buildxBuilder, lines(baseImages), lines(insecureRegistries), cacheStore,
            maxImageSize);
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public String getAddress() {
        return address;
    }

    @DataBoundSetter
    public void setAddress(String address) {
        this.address = Util.fixEmptyAndTrim(address);
        save();
    }

    public String getTlsCaCert() {
        return tlsCaCert;
    }

    @DataBoundSetter
    public void setTlsCaCert(String tlsCaCert) {
        this.tlsCaCert = Util.fixEmptyAndTrim(tlsCaCert);
        save();
    }

    public String getTlsCert() {
        return tlsCert;
    }

    @DataBoundSetter
    public void setTlsCert(String tlsCert) {
        this.tlsCert = Util.fixEmptyAndTrim(tlsCert);
        save();
    }

    public String getTlsKey() {
        return tlsKey;
    }

    @DataBoundSetter
    public void setTlsKey(String tlsKey) {
        this.tlsKey = Util.fixEmptyAndTrim(tlsKey);
        save();
    }

    public String getDriver() {
        return driver;
    }

    @DataBoundSetter
    public void setDriver(String driver) {
        this.driver = Util.fixEmptyAndTrim(driver);
        save();
    }

    public String getBuildxBuilder() {
        return buildxBuilder;
    }

    @DataBoundSetter
    public void setBuildxBuilder(String buildxBuilder) {
        this.buildxBuilder = Util.fixEmptyAndTrim(buildxBuilder);
        save();
    }

    public String getBaseImages() {
        return baseImages;
    }

    @DataBoundSetter
    public void setBaseImages(String baseImages) {
        this.baseImages = Util.fixEmptyAndTrim(baseImages);
        save();
    }

    public String getInsecureRegistries() {
        return insecureRegistries;
    }

    @DataBoundSetter
    public void setInsecureRegistries(String insecureRegistries) {
        this.insecureRegistries = Util.fixEmptyAndTrim(insecureRegistries);
        save();
    }

    public String getCacheStore() {
        return cacheStore;
    }

    @DataBoundSetter
    public void setCacheStore(String cacheStore) {
        this.cacheStore = Util.fixEmptyAndTrim(cacheStore);
        save();
    }

    public String getMaxImageSize() {
        return maxImageSize;
    }

    @DataBoundSetter
    public void setMaxImageSize(String maxImageSize) {
        this.maxImageSize = Util.fixEmptyAndTrim(maxImageSize);
        save();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.GoContainerBuildConfiguration_DisplayName();
    }

    public ListBoxModel doFillDriverItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.GoContainerBuildConfiguration_DriverBuildctl(), "buildctl");
        items.add(Messages.GoContainerBuildConfiguration_DriverBuildx(), "buildx");
        return items;
    }

    @POST
    public FormValidation doCheckMaxImageSize(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            ByteSize.parse(value.strip());
            return FormValidation.ok();
        } catch (GocbException e) {
            return FormValidation.error(e.message(StepSettingNames.INSTANCE));
        }
    }

    /** Checks from the controller that the builder answers at the address in the form (not yet saved). */
    @POST
    public FormValidation doTestConnection(@QueryParameter String address, @QueryParameter String tlsCaCert, @QueryParameter String tlsCert,
                                           @QueryParameter String tlsKey, @QueryParameter String driver, @QueryParameter String buildxBuilder) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            boolean buildx = "buildx".equals(Util.fixEmptyAndTrim(driver));
            BuilderSettings settings = new BuilderSettings(Util.fixEmptyAndTrim(address), Util.fixEmptyAndTrim(tlsCaCert),
                Util.fixEmptyAndTrim(tlsCert), Util.fixEmptyAndTrim(tlsKey), null,
                buildx ? BuilderSettings.Driver.BUILDX : BuilderSettings.Driver.BUILDCTL, Util.fixEmptyAndTrim(buildxBuilder), null);
            OperationContext controller = OperationContext.of(Jenkins.get().getRootDir().toPath().toAbsolutePath(), EnvVars.masterEnvVars,
                OutputSink.discard()).withSettingNames(StepSettingNames.INSTANCE);
            return FormValidation.ok(BuilderCheck.check(settings, controller));
        } catch (GocbException e) {
            return FormValidation.error(e.message(StepSettingNames.INSTANCE));
        } catch (IOException e) {
            return FormValidation.error(Messages.GoContainerBuildConfiguration_TestFailed(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.GoContainerBuildConfiguration_TestFailed(e.toString().toLowerCase(Locale.ROOT)));
        }
    }
}
