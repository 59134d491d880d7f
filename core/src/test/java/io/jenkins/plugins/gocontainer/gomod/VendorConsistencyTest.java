package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The modules.txt check against go.mod, on the files go writes for examples/modules. The expected
 * problems are the go command's words; ModuleFetcherIT checks that go reports exactly these lines.
 */
class VendorConsistencyTest {

    private static final String GO_MOD = """
            module example.com/modules

            go 1.26.0

            require (
            \texample.com/modules/greeting v0.0.0
            \tgithub.com/google/uuid v1.6.0
            \tgithub.com/spf13/cobra v1.10.2
            )

            require github.com/spf13/pflag v1.0.9 // indirect

            replace example.com/modules/greeting => ./greeting
            """;

    /** What `go mod vendor` writes for GO_MOD. */
    private static final String MODULES_TXT = """
            # example.com/modules/greeting v0.0.0 => ./greeting
            ## explicit; go 1.26
            example.com/modules/greeting
            # github.com/google/uuid v1.6.0
            ## explicit
            github.com/google/uuid
            # github.com/spf13/cobra v1.10.2
            ## explicit; go 1.15
            github.com/spf13/cobra
            # github.com/spf13/pflag v1.0.9
            ## explicit; go 1.12
            github.com/spf13/pflag
            # example.com/modules/greeting => ./greeting
            """;

    private static List<String> problems(String goMod, String modulesTxt) {
        return VendorConsistency.problems(GoModFile.parse(goMod, "go.mod"), VendorManifest.parse(modulesTxt));
    }

    @Test
    void readsWhatGoModVendorWrites() {
        VendorManifest manifest = VendorManifest.parse(MODULES_TXT);

        assertThat(manifest.vendoredModules()).extracting(e -> e.module().toString()).containsExactly(
                "example.com/modules/greeting@v0.0.0", "github.com/google/uuid@v1.6.0", "github.com/spf13/cobra@v1.10.2",
                "github.com/spf13/pflag@v1.0.9");
        VendorManifest.Entry greeting = manifest.entry(ModuleVersion.of("example.com/modules/greeting", "v0.0.0")).orElseThrow();
        assertThat(greeting.explicit()).isTrue();
        assertThat(greeting.goVersion()).isEqualTo("1.26");
        assertThat(greeting.replacement()).isEqualTo(ModuleVersion.of("./greeting", ""));
        assertThat(greeting.packages()).containsExactly("example.com/modules/greeting");
        assertThat(manifest.replaced()).extracting(e -> e.module().toString())
                .containsExactly("example.com/modules/greeting@v0.0.0", "example.com/modules/greeting");
    }

    @Test
    void whatGoModVendorWroteIsConsistent() {
        assertThat(problems(GO_MOD, MODULES_TXT)).isEmpty();
    }

    @Test
    void aRequirementNotMarkedExplicitIsReported() {
        String modulesTxt = MODULES_TXT.replace("# github.com/google/uuid v1.6.0\n## explicit\n", "# github.com/google/uuid v1.6.0\n");

        assertThat(problems(GO_MOD, modulesTxt)).containsExactly(
                "github.com/google/uuid@v1.6.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
    }

    @Test
    void anUpgradeInGoModAfterVendoringIsReportedBothWays() {
        String goMod = GO_MOD.replace("github.com/google/uuid v1.6.0", "github.com/google/uuid v1.6.1");

        assertThat(problems(goMod, MODULES_TXT)).containsExactly(
                "github.com/google/uuid@v1.6.1: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                "github.com/google/uuid@v1.6.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod");
    }

    @Test
    void aNewRequirementThatWasNeverVendoredIsReported() {
        String goMod = GO_MOD.replace("require github.com/spf13/pflag", "require golang.org/x/sync v0.24.0\nrequire github.com/spf13/pflag");

        assertThat(problems(goMod, MODULES_TXT)).containsExactly(
                "golang.org/x/sync@v0.24.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
    }

    @Test
    void aRemovedRequirementThatIsStillVendoredIsReported() {
        String goMod = GO_MOD.replace("\tgithub.com/spf13/cobra v1.10.2\n", "");

        assertThat(problems(goMod, MODULES_TXT)).containsExactly(
                "github.com/spf13/cobra@v1.10.2: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod");
    }

    @Test
    void replacementsMustMatchInBothFiles() {
        String added = GO_MOD + "replace github.com/spf13/cobra v1.10.2 => ../cobra\n";
        String changed = GO_MOD.replace("=> ./greeting", "=> ./greeting-v2");
        String removed = GO_MOD.replace("replace example.com/modules/greeting => ./greeting\n", "");

        assertThat(problems(added, MODULES_TXT)).containsExactly(
                "github.com/spf13/cobra@v1.10.2: is replaced in go.mod, but not marked as replaced in vendor/modules.txt");
        assertThat(problems(changed, MODULES_TXT)).containsExactly(
                "example.com/modules/greeting: is replaced by ./greeting-v2 in go.mod, but marked as replaced by ./greeting in vendor/modules.txt");
        assertThat(problems(removed, MODULES_TXT)).containsExactly(
                "example.com/modules/greeting@v0.0.0: is marked as replaced in vendor/modules.txt, but not replaced in go.mod",
                "example.com/modules/greeting: is marked as replaced in vendor/modules.txt, but not replaced in go.mod");
    }

    @Test
    void aMissingModulesTxtLeavesEveryRequirementUnvendored() {
        assertThat(problems(GO_MOD, "")).hasSize(5)
                .contains("github.com/spf13/pflag@v1.0.9: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt")
                .contains("example.com/modules/greeting: is replaced in go.mod, but not marked as replaced in vendor/modules.txt");
    }

    @Test
    void beforeGo114OnlyVersionMismatchesCount() {
        String goMod = GO_MOD.replace("go 1.26.0", "go 1.13").replace("github.com/google/uuid v1.6.0", "github.com/google/uuid v1.6.1");
        String unannotated = MODULES_TXT.replaceAll("## explicit[^\n]*\n", "");

        assertThat(problems(goMod, unannotated)).containsExactly(
                "github.com/google/uuid@v1.6.1: is explicitly required in go.mod, but vendor/modules.txt indicates github.com/google/uuid@v1.6.0");
    }

    @Test
    void theFailureListsTheProblemsAndSaysToVendorAgainAndCommit() {
        InconsistentVendoringException e = new InconsistentVendoringException(Path.of("/ws/svc"),
                problems(GO_MOD.replace("github.com/google/uuid v1.6.0", "github.com/google/uuid v1.6.1"), MODULES_TXT));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("vendor/modules.txt in /ws/svc does not match go.mod (inconsistent vendoring):\n\t"
                        + "github.com/google/uuid@v1.6.1: is explicitly required in go.mod")
                .contains("Why: go.mod changed after `go mod vendor` last ran")
                .contains("Fix: run `go mod vendor` in /ws/svc and commit vendor/ together with go.mod and go.sum");
    }

    @Test
    void linesGoDoesNotUnderstandAreSkipped() {
        String modulesTxt = "## workspace\n# not-a-module-line\n# x.example/y notaversion\nstray/package\n" + MODULES_TXT + "\n\n";

        assertThat(problems(GO_MOD, modulesTxt)).isEmpty();
    }
}
