package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateAuthoritiesTest {

    @TempDir
    Path dir;

    private Path companyCa() throws Exception {
        Path key = dir.resolve("ca.key");
        Path certificate = dir.resolve("ca.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
            "-keyout", key.toString(), "-out", certificate.toString(), "-days", "1", "-subj", "/CN=Company Test CA").redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor()).as(output).isZero();
        return certificate;
    }

    @Test
    void theBundleIsTheSystemBundleFollowedByTheCompanyCa() throws Exception {
        Path system = Files.writeString(dir.resolve("system.crt"), "-----BEGIN CERTIFICATE-----\nSYSTEM\n-----END CERTIFICATE-----\n");
        Path ca = companyCa();

        String bundle = CertificateAuthorities.bundle(List.of(ca), system);

        assertThat(bundle).startsWith(Files.readString(system)).endsWith(Files.readString(ca) + "\n").contains("# added by gocb from ca.pem");
        assertThat(CertificateAuthorities.bundle(List.of(ca), dir.resolve("no-system-bundle"))).doesNotContain("SYSTEM");
    }

    @Test
    void aCertificateGivenAsASecretFollowsTheFilesAndIsCheckedAlike() throws Exception {
        String pem = Files.readString(companyCa());

        String bundle = CertificateAuthorities.bundle(List.of(), Map.of("caCertificateCredentialsId.pem", pem), dir.resolve("none"));

        assertThat(bundle).isEqualTo("# added by gocb from the secret caCertificateCredentialsId.pem\n" + pem + "\n");
        assertThatThrownBy(() -> CertificateAuthorities.bundle(List.of(), Map.of("INTERNAL_CA", "-----BEGIN CERTIFICATE-----\n!!\n"
            + "-----END CERTIFICATE-----\n"), dir.resolve("none")))
            .isInstanceOf(GocbException.class).hasMessageContaining("the secret INTERNAL_CA is not a valid PEM certificate");
    }

    @Test
    void aPrivateKeyIsNotACertificate() throws Exception {
        companyCa();

        assertThatThrownBy(() -> CertificateAuthorities.bundle(List.of(dir.resolve("ca.key")), dir.resolve("none")))
            .isInstanceOf(GocbException.class).hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void aDamagedCertificateIsRefused() throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> CertificateAuthorities.bundle(List.of(damaged), dir.resolve("none")))
            .isInstanceOf(GocbException.class).hasMessageContaining("is not a valid PEM certificate");
        assertThatThrownBy(() -> CertificateAuthorities.bundle(List.of(dir.resolve("missing.pem")), dir.resolve("none")))
            .isInstanceOf(GocbException.class).hasMessageContaining("cannot read the certificate file");
    }

    @Test
    void theSessionHandsTheBundleToTheBuildAsTheCaSecret() throws Exception {
        Path ca = companyCa();
        PrivateModuleAccess access = PrivateModuleAccess.builder().certificateAuthority(ca).build();

        try (PrivateModuleSession session = access.open(new CommandRunner(new SecretMasker(), System.getenv()), Map.of(), dir)) {
            assertThat(session.secretFiles()).containsOnlyKeys(CertificateAuthorities.SECRET_ID);
            assertThat(Files.readString(session.secretFiles().get(CertificateAuthorities.SECRET_ID))).contains(Files.readString(ca));
        }
    }

    @Test
    void aCaGivenAsASecretReachesTheBundleAndAnEmptyOneIsNamed() throws Exception {
        String pem = Files.readString(companyCa());
        PrivateModuleAccess access = PrivateModuleAccess.builder().certificateAuthoritySecret("INTERNAL_CA").build();

        try (PrivateModuleSession session = access.open(new CommandRunner(new SecretMasker(), System.getenv()), Map.of("INTERNAL_CA", pem), dir)) {
            assertThat(Files.readString(session.secretFiles().get(CertificateAuthorities.SECRET_ID))).contains(pem);
        }
        assertThatThrownBy(() -> access.open(new CommandRunner(new SecretMasker(), System.getenv()), Map.of(), dir))
            .isInstanceOf(GocbException.class).hasMessageContaining("the secret INTERNAL_CA for caCertificateSecrets has no value");
    }
}
