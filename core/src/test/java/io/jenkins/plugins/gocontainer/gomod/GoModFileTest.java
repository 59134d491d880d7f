package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoModFileTest {

    private static final String GO_MOD = """
            // A service.
            module "example.com/svc" // quoted, as go accepts it

            go 1.22.1

            toolchain go1.23.4

            godebug (
            \tdefault=go1.21
            )

            require github.com/google/uuid v1.6.0

            require (
            \tgithub.com/spf13/cobra v1.10.2 // a comment
            \tgithub.com/spf13/pflag v1.0.9 // indirect
            )

            exclude github.com/spf13/cobra v1.0.0

            retract [v0.1.0, v0.1.5] // broken

            replace github.com/pkg/errors => ../errors

            replace (
            \tgolang.org/x/sync v0.24.0 => golang.org/x/sync v0.23.0
            \texample.com/old => example.com/new v1.2.3
            )
            """;

    @Test
    void readsTheModuleTheGoAndToolchainLinesRequirementsAndReplacements() {
        GoModFile goMod = GoModFile.parse(GO_MOD, "go.mod");

        assertThat(goMod.module()).isEqualTo("example.com/svc");
        assertThat(goMod.goVersion()).isEqualTo(GoVersion.parse("1.22.1"));
        assertThat(goMod.toolchain()).isEqualTo(GoVersion.parse("1.23.4"));
        assertThat(goMod.requirements()).containsExactly(
                ModuleVersion.of("github.com/google/uuid", "v1.6.0"),
                ModuleVersion.of("github.com/spf13/cobra", "v1.10.2"),
                ModuleVersion.of("github.com/spf13/pflag", "v1.0.9"));
        assertThat(goMod.replacements()).containsExactly(
                new GoModFile.Replacement(ModuleVersion.of("github.com/pkg/errors", ""), ModuleVersion.of("../errors", "")),
                new GoModFile.Replacement(ModuleVersion.of("golang.org/x/sync", "v0.24.0"), ModuleVersion.of("golang.org/x/sync", "v0.23.0")),
                new GoModFile.Replacement(ModuleVersion.of("example.com/old", ""), ModuleVersion.of("example.com/new", "v1.2.3")));
    }

    @Test
    void aReplacementOfOneVersionWinsOverOneOfEveryVersion() {
        GoModFile goMod = GoModFile.parse("module m\n\nreplace a.example/x => ./any\nreplace a.example/x v1.0.0 => ./one\n", "go.mod");

        assertThat(goMod.replacementOf(ModuleVersion.of("a.example/x", "v1.0.0"))).contains(ModuleVersion.of("./one", ""));
        assertThat(goMod.replacementOf(ModuleVersion.of("a.example/x", "v2.0.0"))).contains(ModuleVersion.of("./any", ""));
        assertThat(goMod.replacementOf(ModuleVersion.of("a.example/y", "v1.0.0"))).isEmpty();
    }

    @Test
    void aModuleWithoutGoOrToolchainLinesHasNone() {
        GoModFile goMod = GoModFile.parse("module m\n\ntoolchain default\n", "go.mod");

        assertThat(goMod.goVersion()).isNull();
        assertThat(goMod.toolchain()).isNull();
        assertThat(goMod.requirements()).isEmpty();
    }

    @Test
    void readsTheExampleModule() throws Exception {
        GoModFile goMod = GoModFile.read(ProjectLayout.example("modules").resolve("go.mod"));

        assertThat(goMod.module()).isEqualTo("example.com/modules");
        assertThat(goMod.requirements()).extracting(ModuleVersion::path).contains("github.com/spf13/cobra", "example.com/modules/greeting");
        assertThat(goMod.replacementOf(ModuleVersion.of("example.com/modules/greeting", "v0.0.0"))).contains(ModuleVersion.of("./greeting", ""));
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumbers() {
        assertThatThrownBy(() -> GoModFile.parse("module m\n\nreplace a => \n", "svc/go.mod"))
                .isInstanceOf(InvalidVendorRequestException.class)
                .hasMessageContaining("svc/go.mod:3: cannot read go.mod: a replacement reads `old [version] => new [version]`")
                .hasMessageContaining("go mod edit -fmt");
        assertThatThrownBy(() -> GoModFile.parse("module m\ngo 1.x\n", "go.mod"))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("go.mod:2: cannot read go.mod: '1.x' is not a Go version");
        assertThatThrownBy(() -> GoModFile.parse("module m\nrequire (\n\tonly/a/path\n)\n", "go.mod"))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("go.mod:3:").hasMessageContaining("a module path and a version");
        assertThatThrownBy(() -> GoModFile.parse("module \"m\n", "go.mod"))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> GoModFile.parse("go 1.22\n", "go.mod"))
                .isInstanceOf(InvalidVendorRequestException.class).hasMessageContaining("it has no module directive");
    }

    @Test
    void aMissingGoModSaysTheContextMustBeTheModuleRoot(@TempDir Path dir) {
        assertThatThrownBy(() -> GoModFile.read(dir.resolve("go.mod")))
                .isInstanceOf(InvalidVendorRequestException.class)
                .hasMessageContaining("there is no go.mod in " + dir).hasMessageContaining("module root");
    }
}
