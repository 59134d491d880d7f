package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The credentials a step resolved for the running build (in Jenkins: by id, for the build, on the
 * controller), reduced to what the operations need. Values are secret: {@link #toString()} shows
 * only the ids.
 */
public final class StepCredentials implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An SSH private key, possibly protected by a passphrase. */
    public record SshKey(String id, String username, String privateKey, String passphrase) implements Serializable {
        public SshKey {
            Objects.requireNonNull(id, "id");
            if (privateKey == null || privateKey.isBlank()) {
                throw new InvalidBuildRequestException("the SSH credential '" + id + "' holds no private key",
                    "the build forwards the key to git inside BuildKit", "add the private key to the credential '" + id + "'");
            }
            passphrase = passphrase == null || passphrase.isEmpty() ? null : passphrase;
        }

        @Override
        public String toString() {
            return "SshKey[" + id + "]";
        }
    }

    /** A user and a password or token: a git host's token login, or a registry login. */
    public record Login(String id, String username, String password) implements Serializable {
        public Login {
            Objects.requireNonNull(id, "id");
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw new InvalidBuildRequestException("the credential '" + id + "' lacks a user or a password",
                    "a login needs both", "fill in both in the credential '" + id + "'");
            }
        }

        @Override
        public String toString() {
            return "Login[" + id + ", " + username + "]";
        }
    }

    /** A CA certificate in PEM form, for private module hosts behind an internal CA. */
    public record Certificate(String id, String pem) implements Serializable {
        public Certificate {
            Objects.requireNonNull(id, "id");
            if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new InvalidBuildRequestException("the file credential '" + id + "' holds no PEM certificate",
                    "caCertificateCredentialsId takes a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)",
                    "upload the CA as PEM, e.g. openssl x509 -in ca.der -inform der -out ca.pem");
            }
        }

        @Override
        public String toString() {
            return "Certificate[" + id + "]";
        }
    }

    private final SshKey sshKey;
    private final Login gitToken;
    private final Login registry;
    private final Certificate caCertificate;

    private StepCredentials(SshKey sshKey, Login gitToken, Login registry, Certificate caCertificate) {
        this.sshKey = sshKey;
        this.gitToken = gitToken;
        this.registry = registry;
        this.caCertificate = caCertificate;
    }

    public static StepCredentials none() {
        return new StepCredentials(null, null, null, null);
    }

    public StepCredentials withSshKey(SshKey value) {
        return new StepCredentials(value, gitToken, registry, caCertificate);
    }

    public StepCredentials withGitToken(Login value) {
        return new StepCredentials(sshKey, value, registry, caCertificate);
    }

    public StepCredentials withRegistry(Login value) {
        return new StepCredentials(sshKey, gitToken, value, caCertificate);
    }

    public StepCredentials withCaCertificate(Certificate value) {
        return new StepCredentials(sshKey, gitToken, registry, value);
    }

    public Optional<Certificate> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    public Optional<SshKey> sshKey() {
        return Optional.ofNullable(sshKey);
    }

    public Optional<Login> gitToken() {
        return Optional.ofNullable(gitToken);
    }

    public Optional<Login> registry() {
        return Optional.ofNullable(registry);
    }

    @Override
    public String toString() {
        return "StepCredentials[sshKey=" + sshKey + ", gitToken=" + gitToken + ", registry=" + registry + ", caCertificate=" + caCertificate + "]";
    }
}
