package io.jenkins.plugins.gocontainer.config;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.gocontainer.steps.StepDefaults;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The global configuration survives the form, and is read from Configuration as Code. */
class GoContainerBuildConfigurationTest {

    @Test
    @WithJenkins
    void theFormRoundTripsEveryField(JenkinsRule r) throws Exception {
        GoContainerBuildConfiguration configuration = GoContainerBuildConfiguration.get();
        configuration.setAddress("tcp://buildkit.internal:1234");
        configuration.setTlsCaCert("/etc/gocb/ca.pem");
        configuration.setTlsCert("/etc/gocb/cert.pem");
        configuration.setTlsKey("/etc/gocb/key.pem");
        configuration.setBaseImages("golang:1.26=docker-image://mirror.internal/library/golang:1.26");
        configuration.setInsecureRegistries("mirror.internal\n10.0.0.5:5000");
        configuration.setCacheStore("dir=/var/cache/gocb");
        configuration.setMaxImageSize("300MB");

        r.configRoundtrip();

        StepDefaults defaults = GoContainerBuildConfiguration.get().defaults();
        assertThat(defaults.address()).isEqualTo("tcp://buildkit.internal:1234");
        assertThat(defaults.tlsKey()).isEqualTo("/etc/gocb/key.pem");
        assertThat(defaults.baseImages()).containsExactly("golang:1.26=docker-image://mirror.internal/library/golang:1.26");
        assertThat(defaults.insecureRegistries()).containsExactly("mirror.internal", "10.0.0.5:5000");
        assertThat(defaults.cacheStore()).isEqualTo("dir=/var/cache/gocb");
        assertThat(defaults.maxImageSize()).isEqualTo("300MB");
        assertThat(defaults.driver()).isEqualTo("buildctl");
    }

    @Test
    @WithJenkinsConfiguredWithCode
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeSetsTheDefaults(JenkinsConfiguredWithCodeRule r) {
        StepDefaults defaults = GoContainerBuildConfiguration.get().defaults();
        assertThat(defaults.address()).isEqualTo("tcp://buildkit.internal:1234");
        assertThat(defaults.baseImages()).isEqualTo(List.of("golang:1.26=docker-image://mirror.internal/library/golang:1.26"));
        assertThat(defaults.maxImageSize()).isEqualTo("300MB");
    }
}
