package io.jenkins.plugins.gocontainer.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostMappingTest {

    @Test
    void parsesDockerStyleMappings() {
        assertThat(HostMapping.parse("git.internal.test=127.0.0.1")).isEqualTo(new HostMapping("git.internal.test", "127.0.0.1"));
        assertThat(HostMapping.parse("git.internal.test:10.1.2.3")).isEqualTo(new HostMapping("git.internal.test", "10.1.2.3"));
        assertThat(HostMapping.parse("v6.internal=fd00::1")).isEqualTo(new HostMapping("v6.internal", "fd00::1"));
    }

    @Test
    void refusesNamesAsAddressesAndBadHostNames() {
        assertThatThrownBy(() -> HostMapping.parse("git.internal.test=gateway.local")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> HostMapping.parse("git.internal.test=300.1.1.1")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> HostMapping.parse("bad host=10.0.0.1")).hasMessageContaining("invalid host name");
        assertThatThrownBy(() -> HostMapping.parse("10.0.0.1")).hasMessageContaining("invalid host mapping");
    }
}
