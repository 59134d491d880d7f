package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionStampsTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final BuildFacts FACTS = new BuildFacts(COMMIT, "main", Instant.parse("2026-10-01T12:00:00Z"));
    private static final String PROMETHEUS = "github.com/prometheus/common/version";

    private static MainPackageSource declaring(String... variables) {
        return new MainPackageSource(Set.of(variables), Set.of());
    }

    private static VersionStamps plan(MainPackageSource source, boolean requiresPrometheus, List<String> explicit, boolean versionGiven) {
        return VersionStamps.plan(source, requiresPrometheus, "./cmd/svc", LdflagsVar.parseAll(explicit), "1.2.3", versionGiven, FACTS);
    }

    @Test
    void goreleasersVariablesAreStampedFromTheFacts() {
        VersionStamps stamps = plan(declaring("version", "commit", "date", "builtBy"), false, List.of(), true);

        assertThat(stamps.reported()).containsExactly("main.version=1.2.3", "main.commit=" + COMMIT, "main.date=2026-10-01T12:00:00Z",
            "main.builtBy=gocb");
        assertThat(stamps.stamps()).first().satisfies(stamp -> assertThat(stamp.buildArg()).isEqualTo("VERSION"));
        assertThat(stamps.buildArgs()).containsExactly(java.util.Map.entry("GOCB_X_MAIN_COMMIT", COMMIT),
            java.util.Map.entry("GOCB_X_MAIN_DATE", "2026-10-01T12:00:00Z"), java.util.Map.entry("GOCB_X_MAIN_BUILTBY", "gocb"));
        assertThat(stamps.warning()).isEmpty();
    }

    @Test
    void onlyTheDeclaredConventionVariablesAreStamped() {
        VersionStamps stamps = plan(declaring("commit"), false, List.of(), false);

        assertThat(stamps.stamps()).extracting(VersionStamps.Stamp::variable).containsExactly("main.version", "main.commit");
        assertThat(stamps.reported()).as("main.version is set as always, but not reported when undeclared").containsExactly("main.commit=" + COMMIT);
    }

    @Test
    void prometheusNeedsTheRequirementAndTheImport() {
        MainPackageSource importing = new MainPackageSource(Set.of(), Set.of(PROMETHEUS, "fmt"));

        assertThat(plan(importing, true, List.of(), true).reported()).containsExactly(
            PROMETHEUS + ".Version=1.2.3", PROMETHEUS + ".Revision=" + COMMIT, PROMETHEUS + ".Branch=main", PROMETHEUS + ".BuildUser=gocb",
            PROMETHEUS + ".BuildDate=2026-10-01T12:00:00Z");
        assertThat(plan(importing, false, List.of(), false).reported()).as("without the requirement").isEmpty();
        assertThat(plan(new MainPackageSource(Set.of(), Set.of("fmt")), true, List.of(), false).reported()).as("without the import").isEmpty();
        assertThat(plan(importing, true, List.of(), true).buildArgs())
            .containsEntry("GOCB_X_GITHUB_COM_PROMETHEUS_COMMON_VERSION_BUILDUSER", "gocb");
    }

    @Test
    void anExplicitVariableReplacesAConventionsValueAndKeepsItsPlace() {
        VersionStamps stamps = plan(declaring("version", "commit"), false, List.of("main.commit={{.ShortRevision}}", "main.version=v{{.Version}}"),
            true);

        assertThat(stamps.reported()).containsExactly("main.version=v1.2.3", "main.commit=0123456");
        assertThat(stamps.stamps()).first().satisfies(stamp -> assertThat(stamp.buildArg()).isEqualTo("GOCB_X_MAIN_VERSION"));
        assertThat(stamps.buildArgs()).containsKeys("GOCB_X_MAIN_VERSION", "GOCB_X_MAIN_COMMIT").doesNotContainKey("VERSION");
    }

    @Test
    void variablesWhoseArgumentNamesCollideGetDistinctArguments() {
        VersionStamps stamps = plan(declaring(), false, List.of("example.com/a-b.V=1", "example.com/a_b.V=2"), false);

        assertThat(stamps.buildArgs()).containsExactly(java.util.Map.entry("GOCB_X_EXAMPLE_COM_A_B_V", "1"),
            java.util.Map.entry("GOCB_X_EXAMPLE_COM_A_B_V_2", "2"));
    }

    @Test
    void aGivenVersionThatReachesNoVariableIsWarnedAbout() {
        assertThat(plan(declaring("commit"), false, List.of("main.note={{.Branch}}"), true).warning()).hasValueSatisfying(warning ->
            assertThat(warning).startsWith("the version 1.2.3 reaches no variable of the binary: package main in ./cmd/svc declares no string"
                + " variable 'version'").contains("{@ldflagsVars} PKG.NAME={{.Version}}"));
        assertThat(plan(declaring("commit"), false, List.of(), false).warning()).as("the default version is not worth a warning").isEmpty();
        assertThat(plan(declaring(), false, List.of("example.com/svc/build.V={{.Version}}"), true).warning()).isEmpty();
        assertThat(plan(new MainPackageSource(Set.of(), Set.of(PROMETHEUS)), true, List.of(), true).warning()).isEmpty();
    }

    @Test
    void aValueWithASpaceIsFineAndOneWithASingleQuoteIsRefused() {
        assertThat(plan(declaring(), false, List.of("main.note=built on {{.Branch}}"), false).reported()).containsExactly("main.note=built on main");

        assertThatThrownBy(() -> plan(declaring(), false, List.of("main.note=it's {{.Branch}}"), false))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("the value 'it's main' for main.note contains a single quote");
                assertThat(e.remedy()).contains("{@ldflagsVars} main.note=it's {{.Branch}}");
            });
        assertThatThrownBy(() -> VersionStamps.plan(declaring("version"), false, ".", List.of(), "1.0'", true, FACTS))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.remedy()).contains("{@appVersion}"));
    }

    @Test
    void theModulesGoModAndMainPackageAreRead(@TempDir Path module) throws IOException {
        Files.writeString(module.resolve("go.mod"), "module example.com/exporter\n\ngo 1.26\n\nrequire github.com/prometheus/common v0.74.0\n");
        Files.createDirectories(module.resolve("cmd/exporter"));
        Files.writeString(module.resolve("cmd/exporter/main.go"),
            "package main\n\nimport \"github.com/prometheus/common/version\"\n\nvar commit string\n\nfunc main() { println(version.Print(\"x\")) }\n");

        VersionStamps stamps = VersionStamps.plan(module, "./cmd/exporter", List.of(), "1.0.0", true, FACTS);

        assertThat(stamps.reported()).contains("main.commit=" + COMMIT, PROMETHEUS + ".Version=1.0.0").hasSize(6);
        Files.writeString(module.resolve("go.mod"), "module example.com/exporter\n\ngo 1.26\n");
        assertThat(VersionStamps.plan(module, "./cmd/exporter", List.of(), "1.0.0", true, FACTS).reported()).containsExactly("main.commit=" + COMMIT);
    }
}
