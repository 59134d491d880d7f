package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshKeyTest {

    @TempDir
    Path dir;

    /** Generates a real key with ssh-keygen into the test's temp directory (deleted by JUnit). */
    static Path keygen(Path dir, String name, String passphrase, String... extra) throws Exception {
        Path key = dir.resolve(name);
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", passphrase, "-C", "test", "-f", key.toString()));
        argv.addAll(List.of(extra));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return key;
    }

    @Test
    void unencryptedOpenSshEd25519Key() throws Exception {
        SshKey key = SshKey.read(keygen(dir, "id_ed25519", "", "-t", "ed25519"));

        assertThat(key.format()).isEqualTo(SshKey.Format.OPENSSH);
        assertThat(key.encrypted()).isFalse();
        assertThat(key.content()).isEqualTo(Files.readString(key.file()));
        assertThat(key.toString()).doesNotContain(key.content().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void passphraseProtectedOpenSshKey() throws Exception {
        SshKey key = SshKey.read(keygen(dir, "id_ed25519", "secret-pass", "-t", "ed25519"));

        assertThat(key.format()).isEqualTo(SshKey.Format.OPENSSH);
        assertThat(key.encrypted()).isTrue();
    }

    @Test
    void pemRsaKeysWithAndWithoutPassphrase() throws Exception {
        SshKey plain = SshKey.read(keygen(dir, "plain", "", "-t", "rsa", "-b", "2048", "-m", "PEM"));
        SshKey protectedKey = SshKey.read(keygen(dir, "protected", "secret-pass", "-t", "rsa", "-b", "2048", "-m", "PEM"));

        assertThat(plain.format()).isEqualTo(SshKey.Format.PEM_RSA);
        assertThat(plain.encrypted()).isFalse();
        assertThat(protectedKey.format()).isEqualTo(SshKey.Format.PEM_RSA);
        assertThat(protectedKey.encrypted()).isTrue();
    }

    @Test
    void pemEcKey() throws Exception {
        SshKey key = SshKey.read(keygen(dir, "ec", "", "-t", "ecdsa", "-m", "PEM"));
        assertThat(key.format()).isEqualTo(SshKey.Format.PEM_EC);
        assertThat(key.encrypted()).isFalse();
    }

    @Test
    void pkcs8KeysWithAndWithoutPassphrase() throws Exception {
        SshKey plain = SshKey.read(keygen(dir, "p8", "", "-t", "ecdsa", "-m", "PKCS8"));
        SshKey encrypted = SshKey.read(keygen(dir, "p8e", "secret-pass", "-t", "ecdsa", "-m", "PKCS8"));

        assertThat(plain.format()).isEqualTo(SshKey.Format.PKCS8);
        assertThat(plain.encrypted()).isFalse();
        assertThat(encrypted.format()).isEqualTo(SshKey.Format.PKCS8);
        assertThat(encrypted.encrypted()).isTrue();
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("no-such-key");
        assertThatThrownBy(() -> SshKey.read(missing)).isInstanceOf(GocbException.class)
            .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void unreadableFileNamesThePath() {
        // a directory cannot be read as a file (the tests may run as root, so chmod 000 would still be readable)
        assertThatThrownBy(() -> SshKey.read(dir)).isInstanceOf(GocbException.class)
            .hasMessageContaining("cannot read the SSH private key file " + dir);
    }

    @Test
    void publicKeyGivenInsteadOfPrivateKey() throws Exception {
        Path key = keygen(dir, "id_ed25519", "", "-t", "ed25519");
        Path pub = dir.resolve("id_ed25519.pub");

        assertThatThrownBy(() -> SshKey.read(pub)).isInstanceOf(GocbException.class)
            .hasMessageContaining("public key").hasMessageContaining(pub.toString())
            .hasMessageNotContaining(Files.readString(pub).split(" ")[1]);
        assertThat(SshKey.read(key).format()).isEqualTo(SshKey.Format.OPENSSH);
    }

    @Test
    void puttyKeyExplainsTheConversion() throws Exception {
        String body = "AAAAC3NzaC1lZDI1NTE5AAAAIsecretprivatepartSECRET";
        Path ppk = Files.writeString(dir.resolve("key.ppk"), "PuTTY-User-Key-File-3: ssh-ed25519\n"
            + "Encryption: none\nComment: test\nPublic-Lines: 2\n" + body + "\n");

        assertThatThrownBy(() -> SshKey.read(ppk)).isInstanceOf(GocbException.class)
            .hasMessageContaining("PuTTY").hasMessageContaining("puttygen").hasMessageNotContaining(body);
    }

    @Test
    void unknownFormatExplainsHowToConvert() throws Exception {
        Path garbage = Files.writeString(dir.resolve("key"), "not a key at all: hunter2-secret\n");

        assertThatThrownBy(() -> SshKey.read(garbage)).isInstanceOf(GocbException.class)
            .hasMessageContaining("not in a supported format").hasMessageContaining("ssh-keygen -p")
            .hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void emptyFileIsUnsupported() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        assertThatThrownBy(() -> SshKey.read(empty)).isInstanceOf(GocbException.class).hasMessageContaining("empty");
    }

    @Test
    void truncatedOpenSshKeyIsRejectedWithoutShowingIt() throws Exception {
        Path key = keygen(dir, "id_ed25519", "", "-t", "ed25519");
        List<String> lines = Files.readAllLines(key);
        String secretLine = lines.get(2);
        Path broken = Files.writeString(dir.resolve("broken"), lines.get(0) + "\n" + "AAAA" + secretLine + "\n"
            + lines.get(lines.size() - 1) + "\n");

        assertThatThrownBy(() -> SshKey.read(broken)).isInstanceOf(GocbException.class)
            .hasMessageContaining("OpenSSH key").hasMessageContaining("not in a supported format").hasMessageNotContaining(secretLine);
    }

    @Test
    void binaryFileIsUnsupported() throws Exception {
        Path binary = Files.write(dir.resolve("key.der"), new byte[] {(byte) 0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> SshKey.read(binary)).isInstanceOf(GocbException.class)
            .hasMessageContaining("not in a supported format");
    }
}
