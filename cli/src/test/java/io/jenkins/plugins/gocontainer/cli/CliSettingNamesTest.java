package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.SettingNames;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One core error, spelled for the CLI (its options) and for the Pipeline steps (the specification's keys). */
class CliSettingNamesTest {

    @Test
    void oneErrorRendersAsCliOptionsAndAsStepParameters() {
        GocbException error = catchThrowableOfType(GocbException.class,
            () -> GoDockerBuildSpec.builder().moduleCache(".gocb/gomodcache").vendored(true).build());

        assertThat(error.kind()).isEqualTo(GocbException.Kind.INVALID_INPUT);
        assertThat(error.message(CliSettingNames.INSTANCE)).startsWith("both --module-cache and --vendored were given");
        assertThat(error.message(SettingNames.KEYS)).startsWith("both moduleCache and vendored were given").doesNotContain("--");
        assertThat(error.getMessage()).isEqualTo(error.message(SettingNames.KEYS));
    }

    @Test
    void optionsThatAreNotTheKeyInKebabCaseComeFromTheTable() {
        assertThat(CliSettingNames.INSTANCE.name("mainPackage")).isEqualTo("--package");
        assertThat(CliSettingNames.INSTANCE.name("images")).isEqualTo("--image");
        assertThat(CliSettingNames.INSTANCE.name("netrc.tokenVariable")).isEqualTo("--netrc-token-env");
        assertThat(CliSettingNames.INSTANCE.name("goBuildCache")).isEqualTo("--go-build-cache");
    }

    @Test
    void everyOptionTheTableNamesExistsOnGocbBuildOrPushTags() {
        var build = Gocb.commandLine().getSubcommands().get("build").getCommandSpec();
        var pushTags = Gocb.commandLine().getSubcommands().get("push-tags").getCommandSpec();
        for (String key : new String[] {"context", "mainPackage", "images", "ldflagsVars", "buildArgs", "platforms", "labels", "baseImages", "buildSecrets",
            "addHosts", "insecureRegistries", "caches", "moduleCache", "vendored", "goBuildCache", "cacheStore", "sshKey", "sshAgent",
            "sshPassphraseSecret", "knownHosts", "gitSsh", "netrc.host", "netrc.login", "netrc.tokenVariable", "gitRewrites", "caCertificates",
            "goPrivate", "noHostGoEnvironment", "address", "driver", "ociArchive", "dockerfile", "metadataFile", "tlsCaCert", "tlsCert", "tlsKey", "tlsServerName", "buildxBuilder", "tags",
            "requireSemver", "gitTag", "pullRequest", "maxImageSize", "sizeBaseline", "lintReport", "maxLintIssues", "gateJson", "junit"}) {
            String option = CliSettingNames.INSTANCE.name(key);
            assertThat(build.findOption(option)).as("%s -> %s", key, option).isNotNull();
        }
        assertThat(pushTags.findOption(CliSettingNames.INSTANCE.name("from"))).isNotNull();
        assertThat(pushTags.findOption(CliSettingNames.INSTANCE.name("registryPasswordSecret"))).isNotNull();
        assertThat(pushTags.findOption(CliSettingNames.INSTANCE.name("registryUser"))).isNotNull();
        var vendor = Gocb.commandLine().getSubcommands().get("vendor").getCommandSpec();
        assertThat(vendor.findOption(CliSettingNames.INSTANCE.name("mode"))).isNotNull();
        assertThat(vendor.findOption(CliSettingNames.INSTANCE.name("go"))).isNotNull();
    }

    @Test
    void gocbPrintsTheErrorWithItsOptionsAndExitsWithTheKindsCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Gocb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("build", "--module-cache", "x", "--vendored", "--dry-run");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("gocb: error: both --module-cache and --vendored were given").doesNotContain("{@");
    }
}
