package io.jenkins.plugins.gocontainer.creds;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the SSH identity for private git hosts comes from: a key file, or an agent that already holds it. */
public sealed interface SshIdentity {

    /**
     * A private key file. A passphrase-protected key names the environment variable holding its
     * passphrase; the key is then served by a private {@link SshAgent} for the build.
     */
    record KeyFile(Path file, Optional<String> passphraseVariable) implements SshIdentity {
        public KeyFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(passphraseVariable, "passphraseVariable");
        }
    }

    /**
     * Private key material handed over as a secret value (a Jenkins SSH credential), under
     * {@code secretName}; it is written to the build's private directory only for the build.
     */
    record KeyMaterial(String secretName, Optional<String> passphraseVariable) implements SshIdentity {
        public KeyMaterial {
            Objects.requireNonNull(secretName, "secretName");
            Objects.requireNonNull(passphraseVariable, "passphraseVariable");
        }
    }

    /** An agent socket (usually {@code SSH_AUTH_SOCK}); empty means "the one in the environment". */
    record AgentSocket(Optional<Path> socket) implements SshIdentity {
        public AgentSocket {
            Objects.requireNonNull(socket, "socket");
        }
    }

    static SshIdentity keyFile(Path file, String passphraseVariable) {
        return new KeyFile(file, Optional.ofNullable(passphraseVariable).filter(v -> !v.isBlank()));
    }

    static SshIdentity agent(Path socket) {
        return new AgentSocket(Optional.ofNullable(socket));
    }
}
