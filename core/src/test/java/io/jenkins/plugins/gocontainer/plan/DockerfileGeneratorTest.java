package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerfileGeneratorTest {

    private static final GoModule MODULE = module("example.com/acme/greeter/v2", "1.22.3");

    @ParameterizedTest
    @CsvSource({"1.22.3, 1.22", "1.26, 1.26", "1.23rc1, 1.23"})
    void buildsOnTheGolangImageOfTheGoDirective(String goVersion, String tag) {
        DockerfileGenerator generator = new DockerfileGenerator(module("example.com/x", goVersion), ".", true);

        assertThat(generator.builderImage()).isEqualTo("golang:" + tag);
        assertThat(instructions(generator.generate())).filteredOn(i -> i.startsWith("FROM "))
            .first().isEqualTo("FROM --platform=$BUILDPLATFORM golang:" + tag + " AS builder");
    }

    @Test
    void theFinalStageIsScratchRunningAsNonRoot() {
        List<String> instructions = instructions(new DockerfileGenerator(MODULE, ".", true).generate());

        assertThat(instructions).filteredOn(i -> i.startsWith("FROM ")).hasSize(2).last().isEqualTo("FROM scratch");
        int scratch = instructions.indexOf("FROM scratch");
        List<String> finalStage = instructions.subList(scratch, instructions.size());
        assertThat(finalStage).contains("USER " + DockerfileGenerator.NONROOT_UID + ":" + DockerfileGenerator.NONROOT_UID);
        assertThat(finalStage).contains("COPY --from=builder /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt");
        assertThat(finalStage).anyMatch(i -> i.startsWith("COPY --from=builder /out/etc/passwd /etc/passwd"));
        assertThat(instructions.subList(0, scratch)).anyMatch(i -> i.startsWith("RUN ") && i.contains(":" + DockerfileGenerator.NONROOT_UID + ":"));
    }

    @Test
    void downloadsModulesWithACacheMountAndOnlyGoModAndGoSum() {
        String download = run(new DockerfileGenerator(MODULE, ".", true).generate(), "go mod download");

        assertThat(download)
            .contains("--mount=type=cache,target=" + DockerfileGenerator.MODULE_CACHE)
            .contains("--mount=type=bind,source=go.mod,target=go.mod")
            .contains("--mount=type=bind,source=go.sum,target=go.sum")
            .doesNotContain("target=.");
    }

    @Test
    void mountsGoSumOnlyWhenTheModuleHasOne() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", false).generate();

        assertThat(instructions(dockerfile)).noneMatch(i -> i.contains("go.sum"));
        assertThat(run(dockerfile, "go mod download")).contains("--mount=type=bind,source=go.mod,target=go.mod").endsWith("go mod download");
    }

    @Test
    void compilesAStaticTrimmedBinaryWithTheVersionAndBothCaches() {
        String dockerfile = new DockerfileGenerator(MODULE, "./cmd/greeter", true).generate();
        String build = run(dockerfile, "go build");

        assertThat(build)
            .contains("--mount=type=cache,target=" + DockerfileGenerator.MODULE_CACHE)
            .contains("--mount=type=cache,target=" + DockerfileGenerator.BUILD_CACHE)
            .contains("-trimpath")
            .contains("-ldflags \"-s -w -X 'main.version=${VERSION}'\"")
            .contains("GOOS=\"$TARGETOS\"")
            .contains("GOARCH=\"$TARGETARCH\"")
            .endsWith(" ./cmd/greeter");
        assertThat(instructions(dockerfile)).anyMatch(i -> i.startsWith("ENV ") && i.contains("CGO_ENABLED=0"));
        assertThat(instructions(dockerfile)).contains("ARG VERSION=dev");
    }

    @ParameterizedTest
    @CsvSource({"./cmd/greeter, greeter", "cmd/greeter, greeter", "./cmd/greeter/, greeter", "tools/db-migrate, db-migrate"})
    void namesTheBinaryAfterTheMainPackage(String mainPackage, String binary) {
        DockerfileGenerator generator = new DockerfileGenerator(MODULE, mainPackage, true);
        String dockerfile = generator.generate();

        assertThat(generator.binaryPath()).isEqualTo("/usr/local/bin/" + binary);
        assertThat(run(dockerfile, "go build")).contains("-o /out/usr/local/bin/" + binary + " ");
        assertThat(instructions(dockerfile)).contains("ENTRYPOINT [\"/usr/local/bin/" + binary + "\"]")
            .contains("COPY --from=builder /out/usr/local/bin/" + binary + " /usr/local/bin/" + binary);
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "./", "", " "})
    void namesTheBinaryAfterTheModuleForTheRootPackage(String mainPackage) {
        DockerfileGenerator generator = new DockerfileGenerator(MODULE, mainPackage, true);

        // example.com/acme/greeter/v2: the last element that is not a major-version suffix.
        assertThat(generator.binaryPath()).isEqualTo("/usr/local/bin/greeter");
        assertThat(run(generator.generate(), "go build")).endsWith(" .");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "./cmd/../../x", "/abs/path", "./cmd/my server", "./cmd/\"x\""})
    void rejectsPackagesOutsideTheModuleOrUnsafeInTheDockerfile(String mainPackage) {
        assertThatThrownBy(() -> new DockerfileGenerator(MODULE, mainPackage, true))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains("'" + mainPackage + "'");
                assertThat(e.remedy()).contains("./cmd/server");
            });
    }

    @Test
    void namesTheModuleAndGoVersionInTheHeader() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", true).generate();

        assertThat(dockerfile.lines().findFirst()).hasValueSatisfying(first ->
            assertThat(first).startsWith("#").contains(MODULE.modulePath()).contains(MODULE.goVersion()));
    }

    @Test
    void continuationLinesAlwaysContinueAnInstruction() {
        for (boolean hasGoSum : new boolean[] {true, false}) {
            List<String> lines = new DockerfileGenerator(MODULE, "./cmd/x", hasGoSum).generate().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("\\")) {
                    assertThat(i + 1).isLessThan(lines.size());
                    assertThat(lines.get(i + 1)).as("line after %s", lines.get(i)).isNotBlank().doesNotStartWith("#");
                }
            }
        }
    }

    /** The instructions of a Dockerfile, continuation lines joined, comments and blank lines dropped. */
    @Test
    void eachStampIsABuildArgumentOfItsOwnDeclaredForTheCompileStep() {
        VersionStamps stamps = VersionStamps.plan(new MainPackageSource(Set.of("version", "commit"), Set.of()), false, ".",
            LdflagsVar.parseAll(List.of("example.com/svc/build.Note=on {{.Branch}}")), "1.2.3", true, FACTS);
        String dockerfile = new DockerfileGenerator(MODULE, ".", true).withStamps(stamps).generate();

        List<String> instructions = instructions(dockerfile);
        int declared = instructions.indexOf("ARG GOCB_X_MAIN_COMMIT GOCB_X_EXAMPLE_COM_SVC_BUILD_NOTE");
        assertThat(declared).as(dockerfile).isPositive().isLessThan(instructions.indexOf(run(dockerfile, "go build")));
        assertThat(run(dockerfile, "go build")).contains("-X 'main.version=${VERSION}'").contains("-X 'main.commit=${GOCB_X_MAIN_COMMIT}'")
            .contains("-X 'example.com/svc/build.Note=${GOCB_X_EXAMPLE_COM_SVC_BUILD_NOTE}'");
        assertThat(dockerfile).as("values are build arguments, never Dockerfile text").doesNotContain(FACTS.revision()).doesNotContain("on main");
    }

    @ParameterizedTest
    @ValueSource(strings = {"built on {{.Branch}}", "$(touch /tmp/gocb-pwned) `id` ${HOME} \"quoted\" \\ {{.Version}}", "  spaced  out  "})
    void theShellHandsGoBuildEachValueAsOneQuotedLinkerField(String template) throws Exception {
        VersionStamps stamps = VersionStamps.plan(new MainPackageSource(Set.of("version", "commit"), Set.of()), false, ".",
            LdflagsVar.parseAll(List.of("main.note=" + template)), "1.2.3 beta", true, FACTS);
        String build = run(new DockerfileGenerator(MODULE, ".", true).withStamps(stamps).generate(), "go build");
        java.util.Map<String, String> environment = new java.util.HashMap<>(stamps.buildArgs());
        environment.put("VERSION", "1.2.3 beta");

        List<String> argv = shellArguments(build.substring(build.indexOf("GOOS=")), environment);

        List<String> linkerFlags = goQuotedSplit(argv.get(argv.indexOf("-ldflags") + 1));
        assertThat(linkerFlags).containsExactly("-s", "-w", "-X", "main.version=1.2.3 beta", "-X", "main.commit=" + FACTS.revision(),
            "-X", "main.note=" + LdflagsVar.parse("main.note=" + template).value("1.2.3 beta", FACTS));
        assertThat(Path.of("/tmp/gocb-pwned")).doesNotExist();
    }

    /** The arguments /bin/sh passes to go for {@code command}, with {@code environment} as the build arguments' values. */
    private static List<String> shellArguments(String command, java.util.Map<String, String> environment) throws Exception {
        ProcessBuilder shell = new ProcessBuilder("/bin/sh", "-c", "go() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }; " + command);
        shell.environment().putAll(environment);
        Process process = shell.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return List.of(out.split("\0"));
    }

    /** How the go command splits -ldflags (cmd/internal/quoted.Split): at white space, a field that starts with a quote runs to the next one. */
    private static List<String> goQuotedSplit(String text) {
        List<String> fields = new ArrayList<>();
        String rest = text;
        while (!(rest = rest.replaceFirst("^[ \t\n\r]+", "")).isEmpty()) {
            char quote = rest.charAt(0);
            if (quote == '\'' || quote == '"') {
                int end = rest.indexOf(quote, 1);
                assertThat(end).as("unterminated %s in %s", quote, text).isPositive();
                fields.add(rest.substring(1, end));
                rest = rest.substring(end + 1);
            } else {
                int end = rest.replaceAll("[ \t\n\r]", " ").indexOf(' ');
                fields.add(end < 0 ? rest : rest.substring(0, end));
                rest = end < 0 ? "" : rest.substring(end);
            }
        }
        return fields;
    }

    private static final BuildFacts FACTS = new BuildFacts("0123456789abcdef0123456789abcdef01234567", "main",
        java.time.Instant.parse("2026-10-01T12:00:00Z"));

    static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            if (current.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            String part = line.strip();
            boolean continues = part.endsWith("\\");
            current.append(current.isEmpty() ? "" : " ").append(continues ? part.substring(0, part.length() - 1).strip() : part);
            if (!continues) {
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        return instructions;
    }

    private static String run(String dockerfile, String containing) {
        List<String> runs = instructions(dockerfile).stream().filter(i -> i.startsWith("RUN ") && i.contains(containing)).toList();
        assertThat(runs).as("RUN instructions containing %s", containing).hasSize(1);
        return runs.get(0);
    }

    private static GoModule module(String path, String goVersion) {
        return new GoModule(Path.of("/src/go.mod"), path, goVersion, Optional.empty(), true);
    }

    @Test
    void credentialsAreMountedOnTheDownloadStepOnlyAndOnlyWhenConfigured() {
        ModuleDownloadAccess access = new ModuleDownloadAccess(List.of("default"),
            java.util.Map.of("netrc", "/root/.netrc"), List.of("GOPRIVATE", "GONOSUMDB"));
        List<String> instructions = instructions(new DockerfileGenerator(MODULE, ".", true).withAccess(access).generate());

        List<String> runs = instructions.stream().filter(i -> i.startsWith("RUN ")).toList();
        String download = runs.stream().filter(i -> i.endsWith("go mod download")).findFirst().orElseThrow();
        assertThat(download).contains("--mount=type=ssh,id=default,required=true", "--mount=type=secret,id=netrc,target=/root/.netrc,required=true");
        assertThat(runs).filteredOn(i -> !i.equals(download)).allSatisfy(run -> assertThat(run).doesNotContain("type=ssh", "type=secret"));
        assertThat(instructions.indexOf("ARG GOPRIVATE GONOSUMDB")).isBetween(0, instructions.indexOf(download));

        String plain = new DockerfileGenerator(MODULE, ".", true).generate();
        assertThat(plain).doesNotContain("type=ssh", "type=secret", "GOPRIVATE");
    }

    @Test
    void accessFollowsTheRequestsWellKnownSecretsSshAndGoVariables() {
        BuildRequest request = BuildRequest.builder(Path.of("/src"))
            .secret(new SecretMount("netrc", Path.of("/tmp/s/netrc")))
            .secret(new SecretMount("known_hosts", Path.of("/tmp/s/known_hosts")))
            .secret(new SecretMount("npmrc", Path.of("/tmp/s/npmrc")))
            .ssh(new SshMount("default", List.of()))
            .buildArg("GOPRIVATE", "git.example.com")
            .buildArg("GREETING", "hi")
            .build();

        ModuleDownloadAccess access = ModuleDownloadAccess.of(request);

        assertThat(access.sshIds()).containsExactly("default");
        assertThat(access.secretTargets()).containsOnly(
            java.util.Map.entry("netrc", "/root/.netrc"), java.util.Map.entry("known_hosts", "/root/.ssh/known_hosts"));
        assertThat(access.goVariables()).containsExactly("GOPRIVATE");
    }

    @Test
    void aHermeticBuildReadsModulesOnlyFromTheAgentsModuleCache() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", true)
            .withModuleSource(new ModuleSource.ProxyDirectory(Path.of("/ws/.gocb/gomodcache"))).generate();

        assertThat(instructions(dockerfile)).noneMatch(i -> i.contains("go mod download"));
        String compile = run(dockerfile, "go build");
        assertThat(compile).startsWith("RUN --network=none ")
            .contains("--mount=type=bind,from=" + ModuleSource.ProxyDirectory.CONTEXT_NAME + ",target=/gocb/gomodcache",
                "GOPROXY=file:///gocb/gomodcache,off", "GOFLAGS=-mod=mod")
            .doesNotContain("type=ssh", "type=secret");
        assertThat(run(new DockerfileGenerator(MODULE, ".", true).generate(), "go build")).doesNotContain("--network=none");
    }

    @Test
    void aVendoredBuildDownloadsNothingAndCompilesWithModVendor() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", true).withModuleSource(new ModuleSource.Vendor()).generate();

        assertThat(instructions(dockerfile)).noneMatch(i -> i.contains("go mod download"));
        assertThat(run(dockerfile, "go build")).contains("go build -v -mod=vendor ").startsWith("RUN --network=none ")
            .doesNotContain("target=" + DockerfileGenerator.MODULE_CACHE);
    }

    @Test
    void buildCacheTransferSeedsBeforeCompilingAndOffersAnExportStageThatIsNotTheDefaultTarget() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", true).withBuildCacheTransfer(true).generate();
        List<String> instructions = instructions(dockerfile);

        int seed = indexOf(instructions, "from=" + DockerfileGenerator.BUILD_CACHE_CONTEXT);
        int compile = indexOf(instructions, "go build");
        assertThat(seed).isBetween(0, compile);
        assertThat(instructions).contains("FROM scratch AS " + DockerfileGenerator.BUILD_CACHE_EXPORT_TARGET);
        assertThat(instructions.get(indexOf(instructions, "cp -a " + DockerfileGenerator.BUILD_CACHE + " /gocb-go-build") - 1))
            .isEqualTo("ARG " + DockerfileGenerator.EXPORT_ID_ARG);
        assertThat(instructions).filteredOn(i -> i.startsWith("FROM ")).last().isEqualTo("FROM scratch");
        assertThat(new DockerfileGenerator(MODULE, ".", true).generate()).doesNotContain(DockerfileGenerator.BUILD_CACHE_CONTEXT);
    }

    private static int indexOf(List<String> instructions, String fragment) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no instruction contains " + fragment + " in " + instructions);
    }

    @Test
    void withAnExportedLayerCacheModulesStayInTheLayerSoAFreshBuilderHasThem() {
        String dockerfile = new DockerfileGenerator(MODULE, ".", true).withModulesInLayer(true).generate();

        assertThat(run(dockerfile, "go mod download")).doesNotContain("target=" + DockerfileGenerator.MODULE_CACHE);
        assertThat(run(dockerfile, "go build")).doesNotContain("target=" + DockerfileGenerator.MODULE_CACHE)
            .contains("--mount=type=cache,target=" + DockerfileGenerator.BUILD_CACHE);
    }

}
