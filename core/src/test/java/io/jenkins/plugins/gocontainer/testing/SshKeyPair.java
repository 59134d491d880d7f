package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An ed25519 key pair made by the real {@code ssh-keygen}: the private key file (mode 0600, as
 * ssh requires) and the public key line {@code ssh-ed25519 AAAA... comment}.
 */
public record SshKeyPair(Path privateKey, String publicKeyLine) {

    /**
     * @param passphrase empty for an unencrypted key; it appears on ssh-keygen's command line,
     *                   which is acceptable only for throwaway test keys
     */
    public static SshKeyPair generate(Path privateKey, String comment, String passphrase) throws IOException, InterruptedException {
        RequiredTools.require("ssh-keygen");
        FixtureCommand.run(privateKey.getParent(), Map.of(),
            List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f", privateKey.toString())).orThrow();
        String publicKey = Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
        return new SshKeyPair(privateKey, publicKey);
    }

    /** {@code ssh-ed25519 AAAA...} without the comment, as it appears in known_hosts. */
    public String typeAndKey() {
        String[] fields = publicKeyLine.split(" ");
        return fields[0] + " " + fields[1];
    }
}
