package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** gocb build's private-module flags: what reaches the plan, and every bad input with its exit code 2. */
class PrivateModuleOptionsTest {

    private static final String HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhZbuWqb6DkkJlv0l/K+YXKyuiHMx52bK4BRW58Rrj7";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int gocb(String... args) {
        var commandLine = Gocb.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("build", "-C", ProjectLayout.example("hello-nodockerfile").toString(),
            "--package", "./cmd/greeter", "--dry-run", "--addr", "unix:///nonexistent/buildkitd.sock", "-t", "127.0.0.1:5000/team/greeter:1"));
        all.addAll(List.of(args));
        return commandLine.execute(all.toArray(String[]::new));
    }

    private Path key(String passphrase) throws Exception {
        Path key = dir.resolve("id_" + passphrase.length());
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", key.toString()).redirectErrorStream(true).start();
        assertThat(keygen.waitFor()).isZero();
        return key;
    }

    private Path knownHosts(String hosts) throws Exception {
        return Files.writeString(dir.resolve("known_hosts"), hosts + " " + HOST_KEY + "\n");
    }

    @Test
    void anSshKeyIsForwardedAndTheDownloadStepMountsItWithKnownHostsAndTheRewrite() throws Exception {
        Path key = key("");
        int exit = gocb("--ssh-key", key.toString(), "--known-hosts", knownHosts("[git.internal.test]:2222").toString(),
            "--git-ssh", "git@git.internal.test:2222", "--go-private", "git.internal.test", "--add-host", "git.internal.test=10.0.0.7");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
            .contains("--ssh default=" + key, "--secret id=known_hosts,src=", "--secret id=gitconfig,src=",
                "--opt build-arg:GOPRIVATE=git.internal.test", "--opt add-hosts=git.internal.test=10.0.0.7")
            .contains("--mount=type=ssh,id=default,required=true", "--mount=type=secret,id=known_hosts,target=/root/.ssh/known_hosts,required=true")
            .doesNotContain(Files.readAllLines(key).get(1));
    }

    @Test
    void aMissingKeyFileIsBadInput() {
        assertThat(gocb("--ssh-key", dir.resolve("nope").toString(), "--known-hosts", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("cannot read the SSH private key file " + dir.resolve("nope"));
    }

    @Test
    void aKeyInAnUnsupportedFormatIsBadInput() throws Exception {
        Path putty = Files.writeString(dir.resolve("key.ppk"), "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n");

        assertThat(gocb("--ssh-key", putty.toString(), "--known-hosts", knownHosts("h.example").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains(putty.toString(), "format");
    }

    @Test
    void anUnsetTokenVariableIsBadInputNamingTheVariable() {
        assertThat(gocb("--netrc-host", "git.example.com", "--netrc-user", "ci", "--netrc-token-env", "GOCB_TEST_SURELY_UNSET_TOKEN"))
            .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("environment variable GOCB_TEST_SURELY_UNSET_TOKEN is not set");
    }

    @Test
    void aNetrcHostWithoutTokenIsBadInput() {
        assertThat(gocb("--netrc-host", "git.example.com", "--netrc-user", "ci")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("netrc host git.example.com has no token");
    }

    @Test
    void aMalformedGoPrivatePatternIsBadInput() {
        assertThat(gocb("--go-private", "git.example.com/[team")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("GOPRIVATE pattern 'git.example.com/[team' is malformed");
    }

    @Test
    void anSshHostMissingFromKnownHostsIsBadInput() throws Exception {
        assertThat(gocb("--ssh-key", key("").toString(), "--known-hosts", knownHosts("other.example").toString(), "--git-ssh", "git.internal.test"))
            .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("SSH host git.internal.test is not in known_hosts");
    }

    @Test
    void aKeyAndAnAgentTogetherAreBadInput() throws Exception {
        assertThat(gocb("--ssh-key", key("").toString(), "--ssh-agent")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("both --ssh-key and --ssh-agent were given");
    }

    @Test
    void aProtectedKeyWithoutPassphraseVariableIsBadInput() throws Exception {
        assertThat(gocb("--ssh-key", key("secret").toString(), "--known-hosts", knownHosts("h.example").toString()))
            .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("protected by a passphrase", "--ssh-passphrase-env");
    }

    @Test
    void noSecretDirectoryOutlivesADryRun() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var files = Files.list(tmp)) {
            before = files.filter(p -> p.getFileName().toString().startsWith("gocb-secrets-")).count();
        }
        assertThat(gocb("--ssh-key", key("").toString(), "--known-hosts", knownHosts("h.example").toString())).as(err.toString()).isZero();
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("gocb-secrets-")).count()).isEqualTo(before);
        }
    }
}
