package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.testing.FaultSuite;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.testing.HermeticGo;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gocb vendor} with the real go on a copy of examples/modules, offline (the test module cache as GOPROXY). */
class VendorCommandIT {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Map<String, String> environment;
    private Path module;

    @BeforeAll
    static void tools() {
        RequiredTools.require("go");
        TestModules.cache();
    }

    @BeforeEach
    void setUp() throws Exception {
        environment = new LinkedHashMap<>(HermeticGo.in(temp.resolve("go")).environment());
        environment.put("GOPROXY", TestModules.proxyUrl() + ",off");
        module = TestModules.copyExample(temp.resolve("svc"));
    }

    private int vendor(String... args) {
        CommandLine commandLine = new CommandLine(new VendorCommand(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void jsonDescribesTheDownloadedCacheAndHowTheBuildUsesIt() {
        Path cache = temp.resolve("cache");

        int exit = vendor("--context", module.toString(), "--module-cache", cache.toString(), "--format", "json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        Map<String, Object> json = Json.parseObject(out.toString());
        assertThat(json).containsOnlyKeys("mode", "goVersion", "modules", "bytes", "durationMillis", "location", "buildEnvironment",
            "cacheStatus", "notes");
        assertThat(json.get("mode")).isEqualTo("download");
        assertThat((String) json.get("goVersion")).startsWith("go1.");
        assertThat(json.get("modules")).isEqualTo(7L);
        assertThat((Long) json.get("bytes")).isGreaterThan(100_000L);
        assertThat(json.get("location")).isEqualTo(cache.toString());
        assertThat(json.get("buildEnvironment")).isEqualTo(Map.of("GOPROXY", "file://" + cache + "/cache/download,off", "GOFLAGS", "-mod=mod"));
        assertThat(json.get("cacheStatus")).isEqualTo("none");
        assertThat(json.get("notes")).isEqualTo(List.of());
        assertThat(err.toString()).as("go's log goes to stderr").contains("go mod download -json").contains("all modules verified");
    }

    @FaultSuite
    @Test
    void aModuleCacheDirectoryOfOtherFilesIsRefusedBeforeGoRunsAndKept() throws Exception {
        Path notACache = Files.createDirectory(temp.resolve("docs"));
        Files.writeString(notACache.resolve("design.md"), "ours\n");

        int exit = vendor("--context", module.toString(), "--module-cache", notACache.toString(), "--cache-store", "dir=" + temp.resolve("store"));

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("cannot use " + notACache + " as the module cache: it holds files that are not a module cache (design.md)")
            .contains("Fix: give --module-cache an empty or new directory").doesNotContain("go mod download");
        try (var left = Files.list(notACache)) {
            assertThat(left).containsExactly(notACache.resolve("design.md"));
        }
        assertThat(notACache.resolve("design.md")).hasContent("ours");
    }

    @Test
    void vendorModeInHumanFormat() {
        int exit = vendor("-C", module.toString(), "--mode", "vendor");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("vendored 8 modules into " + module.resolve("vendor") + " (")
            .contains("build with:\n  GOFLAGS=-mod=vendor");
        assertThat(module.resolve("vendor/modules.txt")).isRegularFile();
    }

    @Test
    void aGoOlderThanGoModIsAMissingToolNamingBothVersions() throws Exception {
        Path goMod = module.resolve("go.mod");
        Files.writeString(goMod, Files.readString(goMod).replace("go 1.26.0", "go 1.99"));

        assertThat(vendor("-C", module.toString())).isEqualTo(ExitCodes.BUILDER_UNAVAILABLE);
        assertThat(err.toString()).contains("requires go >= 1.99").containsPattern("is go1\\.\\d+");
    }

    @Test
    void aFailingGoExitsOneWithGosLinesAndTheExplanation() throws Exception {
        environment.put("GOPROXY", "off");

        assertThat(vendor("-C", module.toString(), "--format", "json")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("go mod download failed in " + module).contains("module lookup disabled by GOPROXY=off")
            .contains("Fix: Provide every module before the offline build");
        assertThat(Json.parseObject(out.toString()).get("error")).asString().contains("GoCommandFailedException");
    }
}
