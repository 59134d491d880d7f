package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.FreePort;
import io.jenkins.plugins.gocontainer.testing.GitSshServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Host keys collected from a real sshd, with the fingerprints ssh-keygen computes. */
class HostKeyScanIT {

    private final HostKeyScan scan = new HostKeyScan(new CommandRunner(SecretMasker.none(), System.getenv()));

    @Test
    void collectsTheServersKeyAsAKnownHostsLineWithItsFingerprint() throws Exception {
        try (GitSshServer ssh = GitSshServer.start()) {
            List<HostKeyScan.HostKey> keys = scan.scan("127.0.0.1", ssh.port());

            assertThat(keys).singleElement().satisfies(key -> {
                assertThat(key.knownHostsLine()).isEqualTo(ssh.knownHostsLine("127.0.0.1"));
                assertThat(key.fingerprint()).isEqualTo(sshKeygenFingerprint(key.knownHostsLine()));
            });
            KnownHosts collected = KnownHosts.parse(keys.get(0).knownHostsLine() + "\n");
            collected.requireHost("127.0.0.1", ssh.port());
        }
    }

    @Test
    void aPortWithoutSshServerIsAnErrorNamingIt() throws Exception {
        int closed = FreePort.pick();

        assertThatThrownBy(() -> scan.scan("127.0.0.1", closed)).isInstanceOf(GocbException.class)
            .hasMessageContaining("no SSH host key could be collected from 127.0.0.1:" + closed);
    }

    private static String sshKeygenFingerprint(String knownHostsLine) throws Exception {
        Process keygen = new ProcessBuilder("ssh-keygen", "-l", "-f", "-").redirectErrorStream(true).start();
        keygen.getOutputStream().write((knownHostsLine + "\n").getBytes(StandardCharsets.UTF_8));
        keygen.getOutputStream().close();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keygen.waitFor()).as(output).isZero();
        return output.split(" ")[1];
    }
}
