package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.GocbException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** go mod download -json output with standard error merged in, as CommandRunner delivers it. */
class ModuleDownloadStreamTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static final String UUID = """
            {
            \t"Path": "github.com/google/uuid",
            \t"Version": "v1.6.0",
            \t"Info": "/c/cache/download/github.com/google/uuid/@v/v1.6.0.info",
            \t"GoMod": "/c/cache/download/github.com/google/uuid/@v/v1.6.0.mod",
            \t"Zip": "/c/cache/download/github.com/google/uuid/@v/v1.6.0.zip",
            \t"Dir": "/c/github.com/google/uuid@v1.6.0",
            \t"Sum": "h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
            \t"GoModSum": "h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo="
            }
            """;

    private static final String PFLAG_FAILED = """
            {
            \t"Path": "github.com/spf13/pflag",
            \t"Version": "v1.0.9",
            \t"Error": "module lookup disabled by GOPROXY=off",
            \t"Info": "/c/cache/download/github.com/spf13/pflag/@v/v1.0.9.info",
            \t"GoMod": "/c/cache/download/github.com/spf13/pflag/@v/v1.0.9.mod",
            \t"Origin": {
            \t\t"VCS": "git",
            \t\t"Hash": "abc"
            \t}
            }
            """;

    @Test
    void readsEveryFieldOfADownloadedModule() {
        ModuleDownloadStream stream = ModuleDownloadStream.parse(lines(UUID));

        assertThat(stream.modules()).containsExactly(new ModuleDownload("github.com/google/uuid", "v1.6.0",
                "/c/cache/download/github.com/google/uuid/@v/v1.6.0.info", "/c/cache/download/github.com/google/uuid/@v/v1.6.0.mod",
                "/c/cache/download/github.com/google/uuid/@v/v1.6.0.zip", "/c/github.com/google/uuid@v1.6.0",
                "h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=", "h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=", ""));
        assertThat(stream.failed()).isEmpty();
        assertThat(stream.messages()).isEmpty();
    }

    @Test
    void separatesGoMessagesFromObjectsAndExplainsFailedModulesAsGoPrintsThem() {
        String output = "go: downloading github.com/google/uuid v1.6.0\n" + UUID + PFLAG_FAILED + "go: some later warning\n";

        ModuleDownloadStream stream = ModuleDownloadStream.parse(lines(output));

        assertThat(stream.modules()).extracting(ModuleDownload::path).containsExactly("github.com/google/uuid", "github.com/spf13/pflag");
        assertThat(stream.failed()).singleElement().satisfies(m -> {
            assertThat(m.module()).isEqualTo(ModuleVersion.of("github.com/spf13/pflag", "v1.0.9"));
            assertThat(m.zip()).isEmpty();
        });
        assertThat(stream.messages()).containsExactly("go: downloading github.com/google/uuid v1.6.0", "go: some later warning");
        assertThat(stream.errorLines()).containsExactly("go: downloading github.com/google/uuid v1.6.0", "go: some later warning",
                "go: module lookup disabled by GOPROXY=off");
        assertThat(GoErrorCatalogue.explain(stream.errorLines())).get().extracting(GoError::kind).isEqualTo(GoErrorKind.GOPROXY_OFF);
    }

    @Test
    void aFailureBeforeAnyModuleIsOnlyMessages() {
        ModuleDownloadStream stream = ModuleDownloadStream.parse(List.of("go: cyphar.com/go-pathrs@v0.2.1: module lookup disabled by GOPROXY=off"));

        assertThat(stream.modules()).isEmpty();
        assertThat(stream.errorLines()).containsExactly("go: cyphar.com/go-pathrs@v0.2.1: module lookup disabled by GOPROXY=off");
    }

    @Test
    void brokenJsonIsAClearError() {
        assertThatThrownBy(() -> ModuleDownloadStream.parse(lines("{\n\t\"Path\": \"a\",,\n}\n")))
                .isInstanceOf(GocbException.class).hasMessageContaining("cannot read the output of `go mod download -json`");
        assertThatThrownBy(() -> ModuleDownloadStream.parse(lines("{\n\t\"Path\": \"a\"\n")))
                .isInstanceOf(GocbException.class).hasMessageContaining("an object is not closed");
        assertThatThrownBy(() -> ModuleDownloadStream.parse(lines("{\n\t\"Version\": \"v1\"\n}\n")))
                .isInstanceOf(GocbException.class).hasMessageContaining("a module without a Path");
    }
}
