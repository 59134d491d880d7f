package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateModuleAccessTest {

    private static final String HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhZbuWqb6DkkJlv0l/K+YXKyuiHMx52bK4BRW58Rrj7";

    @TempDir
    Path dir;

    private final SecretMasker masker = new SecretMasker();
    private final CommandRunner runner = new CommandRunner(masker, System.getenv());

    private Path knownHosts(String line) throws Exception {
        return Files.writeString(dir.resolve("known_hosts"), line + "\n");
    }

    @Test
    void unencryptedKeyIsForwardedAsItsFileWithKnownHostsAndGitConfig() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder()
            .sshKey(key, null)
            .knownHosts(knownHosts("[git.internal.test]:2222 " + HOST_KEY))
            .sshHost(GitSshHost.parse("root@git.internal.test:2222"))
            .goVariable(GoPrivateEnvironment.GOPRIVATE, "git.internal.test")
            .build();

        Path secretDirectory;
        try (PrivateModuleSession session = access.open(runner, Map.of(), dir)) {
            secretDirectory = session.directory();
            assertThat(session.sshSource()).contains(key.toAbsolutePath());
            assertThat(session.usesPrivateAgent()).isFalse();
            assertThat(session.secretFiles()).containsOnlyKeys(KnownHosts.SECRET_ID, GitInsteadOf.SECRET_ID);
            assertThat(Files.readString(session.secretFiles().get(GitInsteadOf.SECRET_ID)))
                .contains("[url \"ssh://root@git.internal.test:2222/\"]", "insteadOf = https://git.internal.test/");
            assertThat(session.goBuildArgs()).containsExactly(Map.entry("GOPRIVATE", "git.internal.test"));
            assertThat(session.notes()).isEmpty();
            String secondKeyLine = Files.readAllLines(key).get(1);
            assertThat(masker.mask("log " + secondKeyLine)).isEqualTo("log " + SecretMasker.MASK);
        }
        assertThat(secretDirectory).doesNotExist();
    }

    @Test
    void protectedKeyIsServedByAPrivateAgentThatStopsOnClose() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "correct horse", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, "KEY_PASS").knownHosts(knownHosts("h.example " + HOST_KEY)).build();

        PrivateModuleSession session = access.open(runner, Map.of("KEY_PASS", "correct horse"), dir);
        Path socket = session.sshSource().orElseThrow();
        try {
            assertThat(session.usesPrivateAgent()).isTrue();
            assertThat(socket.getParent()).isEqualTo(session.directory());
            ProcessBuilder listing = new ProcessBuilder("ssh-add", "-L").redirectErrorStream(true);
            listing.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process listed = listing.start();
            String keys = new String(listed.getInputStream().readAllBytes());
            assertThat(listed.waitFor()).as(keys).isZero();
            assertThat(keys).contains(Files.readString(dir.resolve("id.pub")).split(" ")[1]);
            assertThat(masker.mask("passphrase correct horse")).isEqualTo("passphrase " + SecretMasker.MASK);
        } finally {
            session.close();
        }
        assertThat(socket).doesNotExist();
        assertThat(session.directory()).doesNotExist();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(socket.toString()))).isEmpty();
    }

    @Test
    void wrongPassphraseIsReportedAndLeavesNothingBehind() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "right", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, "KEY_PASS").knownHosts(knownHosts("h.example " + HOST_KEY)).build();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = secretDirectories(tmp);

        assertThatThrownBy(() -> access.open(runner, Map.of("KEY_PASS", "wrong"), dir))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("the passphrase does not open the SSH key " + key);
        assertThat(secretDirectories(tmp)).isEqualTo(before);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("ssh-agent -D -a " + tmp))).isEmpty();
    }

    @Test
    void protectedKeyWithoutPassphraseVariableSaysWhichFlagIsMissing() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "right", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, null).knownHosts(knownHosts("h.example " + HOST_KEY)).build();

        assertThatThrownBy(() -> access.open(runner, Map.of(), dir))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("is protected by a passphrase, and none was given")
            .satisfies(e -> assertThat(((GocbException) e).remedy()).contains("{@sshPassphraseSecret}"));
    }

    @Test
    void unsetPassphraseVariableIsNamed() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "right", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, "KEY_PASS").knownHosts(knownHosts("h.example " + HOST_KEY)).build();

        assertThatThrownBy(() -> access.open(runner, Map.of(), dir))
            .hasMessageContaining("environment variable KEY_PASS is not set");
    }

    @Test
    void sshHostMissingFromKnownHostsIsRefusedBeforeTheBuild() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, null)
            .knownHosts(knownHosts("git.internal.test " + HOST_KEY))
            .sshHost(GitSshHost.parse("git@git.internal.test:2222"))
            .build();

        assertThatThrownBy(() -> access.open(runner, Map.of(), dir))
            .hasMessageContaining("SSH host [git.internal.test]:2222 is not in known_hosts");
    }

    @Test
    void withoutKnownHostsTheUsersFileIsUsedAndItsAbsenceExplained() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshKey(key, null).build();
        Path home = Files.createDirectories(dir.resolve("home"));

        assertThatThrownBy(() -> access.open(runner, Map.of(), home))
            .hasMessageContaining("no known_hosts for SSH host key verification")
            .satisfies(e -> assertThat(((GocbException) e).remedy()).contains("gocb known-hosts", "ssh-keyscan", "{@knownHosts}"));

        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/known_hosts"), "h.example " + HOST_KEY + "\n");
        try (PrivateModuleSession session = access.open(runner, Map.of(), home)) {
            assertThat(Files.readString(session.secretFiles().get(KnownHosts.SECRET_ID))).contains("h.example " + HOST_KEY);
        }
    }

    @Test
    void netrcTokenComesFromTheEnvironmentAndIsMasked() throws Exception {
        PrivateModuleAccess access = PrivateModuleAccess.builder()
            .netrc(new NetrcLogin("git.example.com", "oauth2", "GIT_TOKEN"))
            .goVariable(GoPrivateEnvironment.GOPRIVATE, "git.example.com")
            .build();

        try (PrivateModuleSession session = access.open(runner, Map.of("GIT_TOKEN", "glpat-abcdef123456"), dir)) {
            assertThat(session.secretFiles()).containsOnlyKeys(Netrc.SECRET_ID);
            assertThat(Files.readString(session.secretFiles().get(Netrc.SECRET_ID)))
                .isEqualTo("machine git.example.com\nlogin oauth2\npassword glpat-abcdef123456\n");
            assertThat(session.sshSource()).isEmpty();
            assertThat(masker.mask("token=glpat-abcdef123456")).isEqualTo("token=" + SecretMasker.MASK);
        }
    }

    @Test
    void unsetTokenVariableIsNamedAndNothingIsLeftBehind() {
        PrivateModuleAccess access = PrivateModuleAccess.builder().netrc(new NetrcLogin("git.example.com", "oauth2", "GIT_TOKEN")).build();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = secretDirectories(tmp);

        assertThatThrownBy(() -> access.open(runner, Map.of(), dir)).hasMessageContaining("environment variable GIT_TOKEN is not set");
        assertThat(secretDirectories(tmp)).isEqualTo(before);
    }

    @Test
    void knownHostsWithoutAnSshIdentityIsNotSilentlyIgnored() {
        PrivateModuleAccess.Builder access = PrivateModuleAccess.builder().knownHosts(Path.of("/ci/known_hosts"));

        assertThatThrownBy(access::build)
            .hasMessageContaining("a known_hosts file (/ci/known_hosts) was given without an SSH identity")
            .satisfies(e -> assertThat(((GocbException) e).remedy()).contains("{@sshKey}").contains("drop {@knownHosts}"));
    }

    @Test
    void netrcHostWithoutTokenVariable() {
        assertThatThrownBy(() -> new NetrcLogin("git.example.com", "oauth2", null))
            .hasMessageContaining("netrc host git.example.com has no token")
            .satisfies(e -> assertThat(((GocbException) e).remedy()).contains("{@netrc.tokenVariable}"));
    }

    @Test
    void malformedGoPrivatePatternIsRefusedWhenTheAccessIsBuilt() {
        PrivateModuleAccess.Builder access = PrivateModuleAccess.builder().goVariable(GoPrivateEnvironment.GOPRIVATE, "git.example.com/[team");

        assertThatThrownBy(access::build).isInstanceOf(GocbException.class).hasMessageContaining("GOPRIVATE pattern 'git.example.com/[team' is malformed");
    }

    @Test
    void credentialsForAHostGoPrivateDoesNotCoverGiveANote() throws Exception {
        PrivateModuleAccess access = PrivateModuleAccess.builder()
            .netrc(new NetrcLogin("git.example.com", "oauth2", "GIT_TOKEN"))
            .goVariable(GoPrivateEnvironment.GOPRIVATE, "github.com/acme")
            .build();

        assertThat(access.notes()).singleElement().asString()
            .contains("credentials are given for git.example.com, but GOPRIVATE does not cover it", "{@goPrivate} git.example.com");
    }

    @Test
    void sshHostsNeedAnIdentity() {
        PrivateModuleAccess.Builder access = PrivateModuleAccess.builder().sshHost(GitSshHost.parse("git@github.com"));

        assertThatThrownBy(access::build).hasMessageContaining("without an SSH identity");
    }

    @Test
    void agentSocketComesFromSshAuthSockAndMustExist() throws Exception {
        PrivateModuleAccess access = PrivateModuleAccess.builder().sshAgent(null).knownHosts(knownHosts("h.example " + HOST_KEY)).build();

        assertThatThrownBy(() -> access.open(runner, Map.of(), dir)).hasMessageContaining("SSH_AUTH_SOCK is not set");
        assertThatThrownBy(() -> access.open(runner, Map.of("SSH_AUTH_SOCK", dir.resolve("gone.sock").toString()), dir))
            .hasMessageContaining("gone.sock does not exist or is not a socket");
    }

    private static long secretDirectories(Path tmp) {
        try (var files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("gocb-secrets-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theAgentSideEnvironmentCarriesPathsAndSettingsButNoSecretValue() throws Exception {
        Path key = SshKeyTest.keygen(dir, "id", "", "-t", "ed25519");
        PrivateModuleAccess access = PrivateModuleAccess.builder()
            .sshKey(key, null)
            .knownHosts(knownHosts("[git.internal.test]:2222 " + HOST_KEY))
            .sshHost(GitSshHost.parse("git@git.internal.test:2222"))
            .netrc(new NetrcLogin("tokens.example.com", "ci-bot", "GIT_TOKEN"))
            .goVariable(GoPrivateEnvironment.GOPRIVATE, "git.internal.test,tokens.example.com")
            .build();

        try (PrivateModuleSession session = access.open(runner, Map.of("GIT_TOKEN", "tok/en+1"), dir)) {
            Map<String, String> environment = session.hostEnvironment();

            assertThat(environment).containsEntry("GOPRIVATE", "git.internal.test,tokens.example.com")
                .containsEntry("GIT_CONFIG_KEY_0", "credential.helper")
                .containsEntry("GIT_CONFIG_VALUE_0", "")
                .containsEntry("GIT_CONFIG_KEY_1", "credential.helper")
                .containsEntry("GIT_CONFIG_KEY_2", "url.ssh://git@git.internal.test:2222/.insteadOf")
                .containsEntry("GIT_CONFIG_VALUE_2", "https://git.internal.test/")
                .containsEntry("GIT_CONFIG_COUNT", "3");
            assertThat(environment.get("GIT_SSH_COMMAND")).contains("-i " + key, "IdentitiesOnly=yes", "StrictHostKeyChecking=yes",
                "UserKnownHostsFile=" + session.secretFiles().get(KnownHosts.SECRET_ID));
            Path store = session.directory().resolve("git-credentials");
            assertThat(environment.get("GIT_CONFIG_VALUE_1")).isEqualTo("store --file=" + store);
            assertThat(store).hasContent("https://ci-bot:tok%2Fen%2B1@tokens.example.com\nhttp://ci-bot:tok%2Fen%2B1@tokens.example.com");
            assertThat(environment.values()).noneMatch(value -> value.contains("tok/en+1") || value.contains("tok%2Fen%2B1"));
        }
    }
}
