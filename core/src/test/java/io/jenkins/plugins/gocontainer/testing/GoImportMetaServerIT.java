package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The go-import meta server, asked by hand over TLS and through HermeticGo's private hosts file. */
class GoImportMetaServerIT {

    @TempDir
    Path work;

    @Test
    void answersTheGoGetLookupWithTheGoImportMetaTag() throws Exception {
        try (GoImportMetaServer meta = GoImportMetaServer.start()) {
            assertThat(meta.address()).matches("127\\.\\d+\\.\\d+\\.\\d+").isNotEqualTo("127.0.0.1");

            String page = get(meta, "/team/secretlib?go-get=1", PrivateModuleRepository.HOST);
            assertThat(page).startsWith("HTTP/1.1 200").contains(
                "<meta name=\"go-import\" content=\"git.internal.test/team/secretlib git https://git.internal.test/team/secretlib\">");
            assertThat(get(meta, "/team/secretlib/sub/pkg?go-get=1", PrivateModuleRepository.HOST)).startsWith("HTTP/1.1 200");
            assertThat(get(meta, "/team/other?go-get=1", PrivateModuleRepository.HOST)).startsWith("HTTP/1.1 404");
            assertThat(get(meta, "/team/secretlib", PrivateModuleRepository.HOST)).startsWith("HTTP/1.1 404");
            assertThat(get(meta, "/team/secretlibrary?go-get=1", PrivateModuleRepository.HOST)).startsWith("HTTP/1.1 404");

            assertThat(meta.requests()).containsExactly(
                new GoImportMetaServer.Request("GET", "/team/secretlib", "go-get=1", 200),
                new GoImportMetaServer.Request("GET", "/team/secretlib/sub/pkg", "go-get=1", 200),
                new GoImportMetaServer.Request("GET", "/team/other", "go-get=1", 404),
                new GoImportMetaServer.Request("GET", "/team/secretlib", "", 404),
                new GoImportMetaServer.Request("GET", "/team/secretlibrary", "go-get=1", 404));
        }
    }

    @Test
    void theCertificateIsForTheModuleHostOnly() throws Exception {
        try (GoImportMetaServer meta = GoImportMetaServer.start()) {
            assertThatThrownBy(() -> get(meta, "/team/secretlib?go-get=1", "gitlab.example.com"))
                .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void hermeticGoResolvesTheHostToTheServerWithoutTouchingEtcHosts() throws Exception {
        String realHosts = Files.readString(Path.of("/etc/hosts"));
        try (GoImportMetaServer meta = GoImportMetaServer.start()) {
            HermeticGo go = HermeticGo.in(work).use(meta);

            FixtureCommand.Result lookup = go.run(work, List.of("getent", "hosts", PrivateModuleRepository.HOST));

            assertThat(lookup.exitCode()).as(lookup.output()).isZero();
            assertThat(lookup.output()).startsWith(meta.address() + " ").contains(PrivateModuleRepository.HOST);
            assertThat(go.environment()).containsKey("SSL_CERT_FILE");
            assertThat(Files.readString(Path.of(go.environment().get("SSL_CERT_FILE"))))
                .endsWith(Files.readString(meta.caCertificate()))
                .as("the system CAs stay trusted").contains("-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----");
            assertThat(go.environment().get("NO_PROXY")).contains(PrivateModuleRepository.HOST);
        }
        assertThat(Files.readString(Path.of("/etc/hosts"))).isEqualTo(realHosts);
    }

    @Test
    void closeStopsServingAndDeletesTheCertificates() throws Exception {
        GoImportMetaServer meta = GoImportMetaServer.start();
        Path ca = meta.caCertificate();
        assertThat(ca).exists();

        meta.close();

        assertThat(ca.getParent()).doesNotExist();
        assertThatThrownBy(() -> new Socket(InetAddress.getByName(meta.address()), GoImportMetaServer.PORT).close())
            .isInstanceOf(IOException.class);
    }

    /** {@code GET pathAndQuery} over TLS to the server's address, verifying its certificate for {@code serverName}. */
    private static String get(GoImportMetaServer meta, String pathAndQuery, String serverName) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(meta.caCertificate())) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(meta.address(), GoImportMetaServer.PORT), 5000);
            plain.setSoTimeout(10000);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, serverName, GoImportMetaServer.PORT, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + serverName + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
