package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.registry.Digests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Collects an SSH server's host keys once ({@code ssh-keyscan}), for the user to check against the
 * fingerprints the git server publishes and keep as the build's known_hosts. Trust on first use is
 * the user's decision, made once and visibly; the build itself never accepts an unknown key.
 */
public final class HostKeyScan {

    /** One collected key: its known_hosts line and its SHA256 fingerprint as ssh-keygen -l shows it. */
    public record HostKey(String knownHostsLine, String keyType, String fingerprint) {
    }

    private static final int TIMEOUT_SECONDS = 10;

    private final CommandRunner runner;

    public HostKeyScan(CommandRunner runner) {
        this.runner = runner.withMissingProgramRemedy("install the OpenSSH client (apt-get install openssh-client, or ./dev/setup)");
    }

    /** Scans {@code host} on {@code port}; an unreachable host or one without keys is an error naming it. */
    public List<HostKey> scan(String host, int port) throws IOException, InterruptedException {
        String name = HostNames.require(host, "SSH host");
        HostNames.requirePort(port, "SSH host " + name);
        List<String> output = new ArrayList<>();
        runner.run(Command.of("ssh-keyscan", "-T", Integer.toString(TIMEOUT_SECONDS), "-p", Integer.toString(port),
            "-t", "ed25519,ecdsa,rsa", name), output::add);
        List<HostKey> keys = new ArrayList<>();
        for (String line : output) {
            String[] fields = line.strip().split("\\s+");
            if (line.startsWith("#") || fields.length < 3 || !fields[1].matches("(ssh|ecdsa)-[A-Za-z0-9-]+")) {
                continue;
            }
            keys.add(new HostKey(fields[0] + " " + fields[1] + " " + fields[2], fields[1], fingerprint(fields[2])));
        }
        if (keys.isEmpty()) {
            throw new GocbException("no SSH host key could be collected from " + name + ":" + port,
                "ssh-keyscan got no answer: the host or port is wrong, a firewall drops the connection, or no SSH server listens there"
                    + (output.isEmpty() ? "" : " (" + String.join("; ", output) + ")"),
                "check the host and port (ssh -p " + port + " -T git@" + name + "), then collect again");
        }
        return keys;
    }

    /** {@code SHA256:} and the unpadded base64 of the key blob's SHA-256, as OpenSSH prints it. */
    static String fingerprint(String base64Key) {
        byte[] digest = Digests.newSha256().digest(Base64.getDecoder().decode(base64Key));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }
}
