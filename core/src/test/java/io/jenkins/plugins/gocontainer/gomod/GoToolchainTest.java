package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the real go and comparing its version with go.mod's go and toolchain lines. */
class GoToolchainTest {

    private static final CommandRunner RUNNER = new CommandRunner(SecretMasker.none(), System.getenv());
    private static final GoToolchain GO_1_26_3 = new GoToolchain(Path.of("/usr/local/go/bin/go"), GoVersion.parse("1.26.3"));

    private static String installedVersion;

    @BeforeAll
    static void realGo() throws Exception {
        RequiredTools.require("go");
        installedVersion = RUNNER.capture(new Command(List.of("go", "env", "GOVERSION"), Map.of("GOTOOLCHAIN", "local"), null)).get(0);
    }

    private static GoModFile goMod(String lines) {
        return GoModFile.parse("module example.com/svc\n\n" + lines, "go.mod");
    }

    @Test
    void findsGoOnThePathAndReportsItsVersion() throws Exception {
        GoToolchain go = new GoToolchainFinder(RUNNER).find("go", System.getenv(), null);

        assertThat(go.executable()).isEqualTo(RequiredTools.find("go").toAbsolutePath());
        assertThat("go" + go.version()).isEqualTo(installedVersion);
    }

    @Test
    void acceptsAGoExecutableOrAGoInstallationDirectory() throws Exception {
        Path goroot = RUNNER.capture(Command.of("go", "env", "GOROOT")).stream().map(Path::of).findFirst().orElseThrow();

        assertThat(new GoToolchainFinder(RUNNER).find(goroot.resolve("bin/go").toString(), Map.of(), null).executable())
                .isEqualTo(goroot.resolve("bin/go"));
        assertThat(new GoToolchainFinder(RUNNER).find(goroot.toString(), Map.of(), null).executable()).isEqualTo(goroot.resolve("bin/go"));
    }

    @Test
    void aMissingGoSaysWhatToInstallAndWhereToPointGocb(@TempDir Path dir) {
        GoVersion needed = GoVersion.parse("1.26.0");

        assertThatThrownBy(() -> new GoToolchainFinder(RUNNER).find("go", Map.of("PATH", dir.toString()), needed))
                .isInstanceOf(CommandNotFoundException.class)
                .hasMessageContaining("cannot run 'go': it is not installed or not on the PATH")
                .hasMessageContaining("install Go 1.26.0 or newer").hasMessageContaining("--go");
        assertThatThrownBy(() -> new GoToolchainFinder(RUNNER).find(dir.resolve("sdk/bin/go").toString(), Map.of(), needed))
                .isInstanceOf(CommandNotFoundException.class).hasMessageContaining("cannot run '" + dir.resolve("sdk/bin/go") + "'");
    }

    @Test
    void anExecutableThatIsNotGoIsReported(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("go"), "#!/bin/sh\necho 'hello from a wrapper'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> new GoToolchainFinder(RUNNER).find(fake.toString(), Map.of(), null))
                .isInstanceOf(GocbException.class).hasMessageContaining("cannot read a Go version in 'hello from a wrapper'");
    }

    @Test
    void aGoOlderThanTheGoLineFailsNamingBothVersions() {
        assertThatThrownBy(() -> GO_1_26_3.check(goMod("go 1.99\n")))
                .isInstanceOf(GoVersionTooOldException.class)
                .hasMessageContaining("the module example.com/svc requires go >= 1.99")
                .hasMessageContaining("/usr/local/go/bin/go is go1.26.3")
                .hasMessageContaining("install Go 1.99 or newer")
                .hasMessageContaining("go mod edit -go=1.26")
                .satisfies(e -> {
                    assertThat(((GoVersionTooOldException) e).required()).isEqualTo("1.99");
                    assertThat(((GoVersionTooOldException) e).running()).isEqualTo("1.26.3");
                });
        assertThatThrownBy(() -> GO_1_26_3.check(goMod("go 1.26.4\n"))).isInstanceOf(GoVersionTooOldException.class);
    }

    @Test
    void aGoAtLeastTheGoLinePasses() {
        assertThat(GO_1_26_3.check(goMod("go 1.26\n"))).isEmpty();
        assertThat(GO_1_26_3.check(goMod("go 1.26.3\n"))).isEmpty();
        assertThat(GO_1_26_3.check(goMod(""))).as("no go line, no requirement").isEmpty();
        GoToolchain candidate = new GoToolchain(Path.of("go"), GoVersion.parse("1.27rc1"));
        assertThat(candidate.check(goMod("go 1.27\n"))).as("go1.27rc1 builds a go 1.27 module").isEmpty();
        assertThatThrownBy(() -> candidate.check(goMod("go 1.27.0\n"))).isInstanceOf(GoVersionTooOldException.class);
    }

    @Test
    void aNewerToolchainLineIsOnlyANote() {
        assertThat(GO_1_26_3.check(goMod("go 1.26\n\ntoolchain go1.26.5\n")))
                .contains("go.mod prefers toolchain go1.26.5; using go1.26.3, which its go line (go 1.26) allows");
        assertThat(GO_1_26_3.check(goMod("go 1.26\n\ntoolchain go1.26.1\n"))).isEmpty();
    }
}
