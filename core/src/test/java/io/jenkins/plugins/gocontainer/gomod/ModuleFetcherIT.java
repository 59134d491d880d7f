package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.testing.HermeticGo;
import io.jenkins.plugins.gocontainer.testing.RequiredTools;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * goModVendor with the real go on copies of examples/modules and its real third-party modules, offline:
 * the only module source is the test module cache (dev/testmodules) as GOPROXY=file://...,off.
 */
class ModuleFetcherIT {

    private static final int DOWNLOADED_MODULES = 7; // uuid, errors, cobra, pflag, mousetrap (windows only), yaml, sync
    private static final int VENDORED_MODULES = 8;   // the same and the local example.com/modules/greeting

    @TempDir
    Path temp;


    private Map<String, String> environment;
    private Path module;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void tools() {
        RequiredTools.require("go");
        TestModules.cache();
    }

    @BeforeEach
    void setUp() throws IOException {
        environment = new LinkedHashMap<>(HermeticGo.in(temp.resolve("go")).environment());
        environment.put("GOPROXY", TestModules.proxyUrl() + ",off");
        environment.put("GOFLAGS", ""); // gocb's own flags only (-modcacherw is checked below)
        module = TestModules.copyExample(temp.resolve("svc"));
    }

    private ModuleFetchResult vendor(ModuleFetchRequest request) throws Exception {
        return new ModuleFetcher(new CommandRunner(SecretMasker.none(), System.getenv())).run(request.withEnvironment(environment), log::add);
    }

    private ModuleFetchRequest request(GoModMode mode) {
        return ModuleFetchRequest.of(module, mode);
    }

    /** Runs go with the hermetic environment plus {@code overrides}; returns the exit code and every line. */
    private CommandResult go(Map<String, String> overrides, List<String> output, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("go"));
        argv.addAll(List.of(args));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(overrides);
        return new CommandRunner(SecretMasker.none(), System.getenv()).run(new Command(argv, env, module), output::add);
    }

    private void assertBuildsAndRuns(Map<String, String> buildEnvironment) throws Exception {
        Map<String, String> build = new LinkedHashMap<>(buildEnvironment);
        build.put("GOMODCACHE", Files.createDirectories(temp.resolve("empty-modcache-" + System.nanoTime())).toString());
        List<String> output = new ArrayList<>();
        CommandResult built = go(build, output, "build", "-o", temp.resolve("modules").toString(), ".");
        assertThat(built.exitCode()).as("offline build with %s: %s", buildEnvironment, output).isZero();

        List<String> ran = new ArrayList<>();
        CommandResult run = new CommandRunner(SecretMasker.none(), System.getenv()).run(
                Command.of(temp.resolve("modules").toString(), "--name", "gocb", "a", "bcd"), ran::add);
        assertThat(run.exitCode()).isZero();
        assertThat(ran).containsExactly("greeting: hello, gocb", "id: " + ran.get(1).substring(4), "lengths:", "    - 1", "    - 3",
                "names:", "    - a", "    - bcd");
        assertThat(ran.get(1)).matches("id: [0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    private String installedGoVersion() throws Exception {
        List<String> out = new ArrayList<>();
        go(Map.of(), out, "env", "GOVERSION");
        return out.get(0);
    }

    @Test
    void downloadModeMakesACacheThatAnOfflineBuildUsesAsItsOnlyModuleSource() throws Exception {
        ModuleFetchResult result = vendor(request(GoModMode.DOWNLOAD)
                .withEnvironment(Map.of("GIT_SSH_COMMAND", "ssh -i /run/secrets/deploy_key_0123456789")));

        Path cache = module.resolve(".gocb/gomodcache");
        assertThat(result.mode()).isEqualTo(GoModMode.DOWNLOAD);
        assertThat(result.location()).isEqualTo(cache);
        assertThat(result.goVersion()).isEqualTo(installedGoVersion());
        assertThat(result.moduleCount()).isEqualTo(DOWNLOADED_MODULES);
        assertThat(result.bytes()).isEqualTo(DirectorySize.of(cache)).isGreaterThan(100_000);
        assertThat(result.cacheStatus()).isEqualTo("none");
        assertThat(result.notes()).isEmpty();
        assertThat(result.buildEnvironment()).containsExactly(
                Map.entry("GOPROXY", "file://" + cache + "/cache/download,off"), Map.entry("GOFLAGS", "-mod=mod"));
        assertThat(cache.resolve("cache/download/github.com/spf13/cobra/@v/v1.10.2.zip")).isRegularFile();
        assertThat(cache.resolve("cache/download/github.com/inconshreveable/mousetrap/@v/v1.1.0.zip"))
                .as("modules of other platforms are downloaded too: a windows build needs mousetrap").isRegularFile();
        assertThat(Files.isWritable(cache.resolve("github.com/google/uuid@v1.6.0"))).as("-modcacherw: a workspace can be wiped").isTrue();
        assertThat(log).contains("gocb: GOMODCACHE=" + cache + " go mod download -json -modcacherw",
                "go: downloaded github.com/spf13/cobra v1.10.2", "gocb: GOMODCACHE=" + cache + " GOPROXY=off go mod verify",
                "all modules verified");
        assertThat(log).noneMatch(line -> line.startsWith("{") || line.contains("\"Path\""));
        assertThat(String.join("\n", log)).doesNotContain("deploy_key");
        System.out.printf("download mode: %d modules, %d bytes, %d ms%n", result.moduleCount(), result.bytes(), result.duration().toMillis());

        // What the build does: GOPROXY=file://<cache>/cache/download,off, -mod=mod, and an empty module cache.
        assertBuildsAndRuns(result.buildEnvironment());
        // The generated Dockerfile's `go mod download` step too, for every platform.
        List<String> again = new ArrayList<>();
        Map<String, String> dockerStep = new LinkedHashMap<>(result.buildEnvironment());
        dockerStep.put("GOMODCACHE", temp.resolve("docker-step-modcache").toString());
        assertThat(go(dockerStep, again, "mod", "download").exitCode()).as("%s", again).isZero();
    }

    @Test
    void downloadingAgainReusesTheCache() throws Exception {
        Path cache = temp.resolve("ws-cache");
        ModuleFetchResult first = vendor(request(GoModMode.DOWNLOAD).withModuleCache(cache));
        environment.put("GOPROXY", "off"); // everything must now come from the cache

        ModuleFetchResult second = vendor(request(GoModMode.DOWNLOAD).withModuleCache(cache));

        assertThat(second.moduleCount()).isEqualTo(first.moduleCount());
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.location()).isEqualTo(cache);
        System.out.printf("download mode, cache present: %d ms (first run %d ms)%n", second.duration().toMillis(), first.duration().toMillis());
    }

    @Test
    void vendorModeMakesAConsistentVendorDirectoryThatBuildsWithModVendor() throws Exception {
        ModuleFetchResult result = vendor(request(GoModMode.VENDOR));

        Path vendorDir = module.resolve("vendor");
        assertThat(result.mode()).isEqualTo(GoModMode.VENDOR);
        assertThat(result.location()).isEqualTo(vendorDir);
        assertThat(result.moduleCount()).isEqualTo(VENDORED_MODULES);
        assertThat(result.bytes()).isEqualTo(DirectorySize.of(vendorDir)).isGreaterThan(100_000);
        assertThat(result.buildEnvironment()).containsExactly(Map.entry("GOFLAGS", "-mod=vendor"));
        assertThat(result.notes()).isEmpty();
        assertThat(VendorConsistency.problems(GoModFile.read(module.resolve("go.mod")), VendorManifest.read(vendorDir))).isEmpty();
        assertThat(vendorDir.resolve("github.com/inconshreveable/mousetrap")).isDirectory();
        assertThat(log).contains("gocb: go mod vendor", "gocb: GOPROXY=off go list -mod=vendor -deps -f {{\"\"}} ./...");
        System.out.printf("vendor mode: %d modules, %d bytes, %d ms%n", result.moduleCount(), result.bytes(), result.duration().toMillis());

        assertBuildsAndRuns(Map.of("GOFLAGS", "-mod=vendor", "GOPROXY", "off"));
        List<String> output = new ArrayList<>();
        assertThat(go(Map.of("GOPROXY", "off", "GOMODCACHE", temp.resolve("none").toString()), output,
                "build", "-mod=vendor", "-o", "/dev/null", "./...").exitCode()).as("%s", output).isZero();
    }

    @Test
    void aStaleCommittedVendorDirectoryIsRegeneratedAndReportedWithTheFix() throws Exception {
        vendor(request(GoModMode.VENDOR));
        Path modulesTxt = module.resolve("vendor/modules.txt");
        String good = Files.readString(modulesTxt);
        Files.writeString(modulesTxt, good.replace("# github.com/google/uuid v1.6.0\n## explicit\n", "# github.com/google/uuid v1.6.0\n"));
        log.clear();

        ModuleFetchResult result = vendor(request(GoModMode.VENDOR));

        assertThat(result.notes()).singleElement().asString()
                .contains("the vendor/ directory in the repository did not match go.mod, so gocb regenerated it")
                .contains("github.com/google/uuid@v1.6.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt")
                .contains("run `go mod vendor` in " + module + " and commit vendor/");
        assertThat(Files.readString(modulesTxt)).isEqualTo(good);
        assertThat(log).anyMatch(line -> line.startsWith("gocb: note: the vendor/ directory in the repository did not match"));
    }

    /** Each case: a change to go.mod or vendor/modules.txt after vendoring; Java must find exactly what go finds. */
    @Test
    void theJavaConsistencyCheckReportsExactlyWhatGoReports() throws Exception {
        vendor(request(GoModMode.VENDOR));
        String goMod = Files.readString(module.resolve("go.mod"));
        String modulesTxt = Files.readString(module.resolve("vendor/modules.txt"));
        List<String[]> cases = List.of(
                new String[] {goMod, modulesTxt.replace("# github.com/google/uuid v1.6.0\n## explicit\n", "# github.com/google/uuid v1.6.0\n")},
                new String[] {goMod.replace("github.com/google/uuid v1.6.0", "github.com/google/uuid v1.5.0"), modulesTxt},
                new String[] {goMod + "\nreplace github.com/pkg/errors => ./errors-fork\n", modulesTxt},
                new String[] {goMod.replace("=> ./greeting", "=> ./greeting-v2"), modulesTxt},
                new String[] {goMod.replace("replace example.com/modules/greeting => ./greeting", ""), modulesTxt},
                new String[] {goMod.replaceAll("\\tgolang.org/x/sync v[^\\n]*\\n", ""), modulesTxt});

        for (String[] files : cases) {
            Files.writeString(module.resolve("go.mod"), files[0]);
            Files.writeString(module.resolve("vendor/modules.txt"), files[1]);
            List<String> expected = VendorConsistency.problems(GoModFile.parse(files[0], "go.mod"), VendorManifest.parse(files[1]));
            List<String> output = new ArrayList<>();

            CommandResult list = go(Map.of("GOPROXY", "off"), output, "list", "-mod=vendor", "./...");

            assertThat(list.exitCode()).as("%s", output).isNotZero();
            assertThat(expected).as("go said:%n%s", String.join("\n", output)).isNotEmpty()
                    .isEqualTo(inconsistencies(output));
            GoError explained = GoErrorCatalogue.explain(output).orElseThrow();
            assertThat(explained.kind()).isEqualTo(GoErrorKind.INCONSISTENT_VENDORING);
        }
    }

    /** The tab-indented lines after "go: inconsistent vendoring in DIR:", up to the blank line. */
    private static List<String> inconsistencies(List<String> goOutput) {
        int start = goOutput.indexOf(goOutput.stream().filter(l -> l.startsWith("go: inconsistent vendoring in ")).findFirst().orElseThrow());
        List<String> problems = new ArrayList<>();
        for (int i = start + 1; i < goOutput.size() && !goOutput.get(i).isBlank(); i++) {
            problems.add(goOutput.get(i).strip());
        }
        return problems;
    }

    @Test
    void aGoOlderThanGoModRequiresFailsNamingBothVersionsBeforeDownloading() throws Exception {
        Path goModFile = module.resolve("go.mod");
        Files.writeString(goModFile, Files.readString(goModFile).replace("go 1.26.0", "go 1.99"));

        assertThatThrownBy(() -> vendor(request(GoModMode.DOWNLOAD)))
                .isInstanceOf(GoVersionTooOldException.class)
                .hasMessageContaining("requires go >= 1.99")
                .hasMessageContaining("is " + installedGoVersion())
                .hasMessageContaining("install Go 1.99 or newer");
        assertThat(module.resolve(".gocb")).doesNotExist();
    }

    @Test
    void aToolchainLineNewerThanGoIsANote() throws Exception {
        Path goModFile = module.resolve("go.mod");
        Files.writeString(goModFile, Files.readString(goModFile).replace("go 1.26.0\n", "go 1.26.0\n\ntoolchain go1.99.1\n"));

        ModuleFetchResult result = vendor(request(GoModMode.VENDOR));

        assertThat(result.notes()).containsExactly("go.mod prefers toolchain go1.99.1; using " + installedGoVersion()
                + ", which its go line (go 1.26.0) allows");
    }

    @Test
    void aMissingGoSaysHowToInstallItAndWhichOptionToSet() {
        environment.put("PATH", temp.resolve("no-go-here").toString());

        assertThatThrownBy(() -> vendor(request(GoModMode.DOWNLOAD)))
                .isInstanceOf(CommandNotFoundException.class)
                .hasMessageContaining("cannot run 'go'").hasMessageContaining("install Go 1.26.0 or newer")
                .hasMessageContaining("https://go.dev/doc/install").hasMessageContaining("--go");
        assertThatThrownBy(() -> vendor(request(GoModMode.VENDOR).withGo(temp.resolve("sdk/go/bin/go").toString())))
                .isInstanceOf(CommandNotFoundException.class).hasMessageContaining("cannot run '" + temp.resolve("sdk/go/bin/go") + "'");
    }

    @Test
    void aModuleTheProxyDoesNotHaveIsExplainedByTheCatalogueWithGosOwnLines() throws Exception {
        Path partial = copyOfTestProxyWithout("github.com/spf13/pflag");
        environment.put("GOPROXY", TestModules.fileUrl(partial) + ",off");

        assertThatThrownBy(() -> vendor(request(GoModMode.DOWNLOAD)))
                .isInstanceOfSatisfying(GoCommandFailedException.class, e -> {
                    assertThat(e.goErrorKind()).contains(GoErrorKind.GOPROXY_OFF);
                    assertThat(e.goLines()).contains("go: github.com/spf13/pflag@v1.0.9: module lookup disabled by GOPROXY=off");
                })
                .hasMessageContaining("go mod download failed in " + module)
                .hasMessageContaining("go: github.com/spf13/pflag@v1.0.9: module lookup disabled by GOPROXY=off")
                .hasMessageContaining("Why: The go command needed a module that is not in the module cache")
                .hasMessageContaining("Fix: Provide every module before the offline build");
    }

    @Test
    void aModuleWhoseZipIsMissingFailsWithTheModuleNamedAndGosError() throws Exception {
        Path partial = copyOfTestProxyWithout("github.com/spf13/pflag/@v/v1.0.9.zip");
        environment.put("GOPROXY", TestModules.fileUrl(partial) + ",off");

        assertThatThrownBy(() -> vendor(request(GoModMode.DOWNLOAD)))
                .isInstanceOfSatisfying(GoCommandFailedException.class, e -> assertThat(e.goErrorKind()).contains(GoErrorKind.GOPROXY_OFF))
                .hasMessageContaining("go mod download failed in " + module + " for github.com/spf13/pflag@v1.0.9")
                .hasMessageContaining("go: module lookup disabled by GOPROXY=off");
        assertThat(log).contains("go: could not download github.com/spf13/pflag v1.0.9", "go: downloaded github.com/google/uuid v1.6.0");
    }

    @Test
    void aGoSumWithoutAModulesChecksumIsANoteThatNamesTheModuleAndTheFix() throws Exception {
        Path goSum = module.resolve("go.sum");
        Files.writeString(goSum, Files.readString(goSum).replaceAll("github.com/spf13/pflag v1.0.9 h1:[^\\n]*\\n", ""));
        environment.put("GOSUMDB", "off"); // stands in for a reachable checksum database, which go asks when go.sum lacks a line

        ModuleFetchResult result = vendor(request(GoModMode.DOWNLOAD));

        assertThat(result.notes()).singleElement().asString()
                .startsWith("go.sum does not record the checksums of github.com/spf13/pflag@v1.0.9:")
                .contains("missing go.sum entry").contains("run `go mod tidy` in " + module + " and commit go.sum");
    }

    @Test
    void aModifiedModuleCacheFailsVerification() throws Exception {
        Path cache = temp.resolve("ws-cache");
        vendor(request(GoModMode.DOWNLOAD).withModuleCache(cache));
        Files.writeString(cache.resolve("github.com/google/uuid@v1.6.0/uuid.go"), "\n// changed\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> vendor(request(GoModMode.DOWNLOAD).withModuleCache(cache)))
                .isInstanceOf(GoCommandFailedException.class)
                .hasMessageContaining("go mod verify failed")
                .hasMessageContaining("github.com/google/uuid v1.6.0: dir has been modified")
                .hasMessageContaining("delete " + cache + " and run again");
    }

    @Test
    void aModuleWithoutDependenciesNeedsNothingInEitherMode() throws Exception {
        Path hello = Files.createDirectories(temp.resolve("hello"));
        Files.writeString(hello.resolve("go.mod"), "module example.com/hello\n\ngo 1.26\n");
        Files.writeString(hello.resolve("main.go"), "package main\n\nfunc main() {}\n");

        ModuleFetchResult download = vendor(ModuleFetchRequest.of(hello, GoModMode.DOWNLOAD));
        ModuleFetchResult vendored = vendor(ModuleFetchRequest.of(hello, GoModMode.VENDOR));

        assertThat(download.moduleCount()).isZero();
        assertThat(download.bytes()).isZero();
        assertThat(vendored.moduleCount()).isZero();
        assertThat(vendored.location()).isEqualTo(hello.resolve("vendor"));
        assertThat(log).contains("go: no module dependencies to download", "go: no dependencies to vendor");
    }

    private Path copyOfTestProxyWithout(String relative) throws IOException {
        Path source = TestModules.cache().resolve("cache/download");
        Path target = temp.resolve("partial-proxy");
        Path left = source.resolve(relative);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.startsWith(left)) {
                    continue;
                }
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        assertThat(target.resolve(relative)).doesNotExist();
        return target;
    }
}
