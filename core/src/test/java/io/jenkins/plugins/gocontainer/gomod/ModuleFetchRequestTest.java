package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request's defaults, its secrecy, and the checks made before any go command runs. */
class ModuleFetchRequestTest {

    @TempDir
    Path dir;

    private static void run(ModuleFetchRequest request) throws Exception {
        new ModuleFetcher(new CommandRunner(SecretMasker.none(), System.getenv())).run(request, OutputSink.discard());
    }

    @Test
    void downloadModeDefaultsToACacheInsideTheWorkspaceAndVendorModeToGosOwn() {
        assertThat(ModuleFetchRequest.of(dir, null).mode()).isEqualTo(GoModMode.DOWNLOAD);
        assertThat(ModuleFetchRequest.of(dir, GoModMode.DOWNLOAD).effectiveModuleCache()).isEqualTo(dir.resolve(".gocb/gomodcache"));
        assertThat(ModuleFetchRequest.of(dir, GoModMode.VENDOR).effectiveModuleCache()).isNull();
        assertThat(ModuleFetchRequest.of(dir, GoModMode.VENDOR).withModuleCache(dir.resolve("c/../mc")).effectiveModuleCache())
                .isEqualTo(dir.resolve("mc"));
        assertThat(ModuleFetchRequest.of(dir, GoModMode.VENDOR).go()).isEqualTo("go");
    }

    @Test
    void printingARequestNamesTheEnvironmentsVariablesButNeverTheirValues() {
        ModuleFetchRequest request = ModuleFetchRequest.of(dir, GoModMode.DOWNLOAD)
                .withEnvironment(Map.of("GOCB_TOKEN", "s3cr3t-token-value", "GIT_SSH_COMMAND", "ssh -i /run/secret/id_key"));

        assertThat(request.toString()).contains("GOCB_TOKEN", "GIT_SSH_COMMAND").doesNotContain("s3cr3t-token-value", "id_key");
        assertThat(request.environment()).containsEntry("GOCB_TOKEN", "s3cr3t-token-value");
    }

    @Test
    void modesAreParsedFromTheirNamesAndAnUnknownOneListsTheChoices() {
        assertThat(GoModMode.parse("vendor")).isEqualTo(GoModMode.VENDOR);
        assertThat(GoModMode.parse(" Download ")).isEqualTo(GoModMode.DOWNLOAD);
        assertThatThrownBy(() -> GoModMode.parse("copy")).isInstanceOf(InvalidVendorRequestException.class)
                .hasMessageContaining("unknown module mode 'copy'").hasMessageContaining("use one of: vendor, download");
    }

    @Test
    void aContextThatIsNotADirectoryIsBadInput() {
        assertThatThrownBy(() -> run(ModuleFetchRequest.of(dir.resolve("missing"), GoModMode.DOWNLOAD)))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("the context " + dir.resolve("missing") + " is not a directory");
    }

    @Test
    void aContextWithoutGoModIsBadInput() {
        assertThatThrownBy(() -> run(ModuleFetchRequest.of(dir, GoModMode.VENDOR)))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("there is no go.mod in " + dir);
    }

    @Test
    void aModuleCacheThatIsAFileOrCannotBeAProxyUrlIsBadInput() throws Exception {
        Files.writeString(dir.resolve("go.mod"), "module m\n");
        Path file = Files.writeString(dir.resolve("cache-file"), "");

        assertThatThrownBy(() -> run(ModuleFetchRequest.of(dir, GoModMode.DOWNLOAD).withModuleCache(file)))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> run(ModuleFetchRequest.of(dir, GoModMode.DOWNLOAD).withModuleCache(dir.resolve("a,b"))))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("contains ',' or '|'");
    }
}
