package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;

/**
 * Extra certificate authorities for the module download (a company CA for an internal git host,
 * proxy or TLS-inspecting gateway: the "x509: certificate signed by unknown authority" of the
 * seeds). The build receives the agent's CA bundle plus these, mounted over the image's bundle for
 * the download step only, so go, git and curl all trust them.
 */
public final class CertificateAuthorities {

    /** Secret id of the bundle; mounted at {@value #BUNDLE_TARGET}. */
    public static final String SECRET_ID = "ca_certificates";
    public static final String BUNDLE_TARGET = "/etc/ssl/certs/ca-certificates.crt";
    /** Debian's and Alpine's system bundle; also where the golang images keep theirs. */
    public static final Path SYSTEM_BUNDLE = Path.of(BUNDLE_TARGET);

    private CertificateAuthorities() {
    }

    /** The system bundle (when {@code systemBundle} exists) followed by each file, each checked to hold PEM certificates. */
    public static String bundle(List<Path> certificates, Path systemBundle) {
        return bundle(certificates, Map.of(), systemBundle);
    }

    /** As {@link #bundle(List, Path)}, then each certificate given as text, under its secret's name. */
    public static String bundle(List<Path> certificates, Map<String, String> given, Path systemBundle) {
        StringBuilder bundle = new StringBuilder();
        if (Files.isRegularFile(systemBundle)) {
            bundle.append(read(systemBundle)).append('\n');
        }
        for (Path file : certificates) {
            String pem = read(file);
            requireCertificates("the file " + file, file.toString(), pem);
            bundle.append("# added by gocb from ").append(file.getFileName()).append('\n').append(pem).append('\n');
        }
        given.forEach((name, pem) -> {
            requireCertificates("the secret " + name, "ca.pem", pem);
            bundle.append("# added by gocb from the secret ").append(name).append('\n').append(pem).append('\n');
        });
        return bundle.toString();
    }

    private static void requireCertificates(String what, String file, String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidBuildRequestException(what + " holds no PEM certificate",
                "{@caCertificates} takes a certificate authority in PEM form (-----BEGIN CERTIFICATE-----), never a private key",
                "export the CA certificate as PEM, e.g. openssl x509 -in ca.der -inform der -out ca.pem");
        }
        try {
            int count = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).size();
            if (count == 0) {
                throw new CertificateException("no certificate");
            }
        } catch (CertificateException e) {
            throw new InvalidBuildRequestException(what + " is not a valid PEM certificate",
                "it has a certificate header but its content cannot be decoded (" + e.getMessage() + ")",
                "check the file (openssl x509 -in " + file + " -noout -subject) and export the CA again");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidBuildRequestException("cannot read the certificate file " + file,
                "the file is missing, unreadable or not text (" + e.getClass().getSimpleName() + ")",
                "check the path and that the build user can read it");
        }
    }
}
