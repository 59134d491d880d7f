package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.InvalidImageReferenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildPlannerTest {

    private static final String MODULE_PATH = "example.com/acme/greeter";
    private static final String BINARY = "greeter";

    @TempDir
    Path root;

    private Path context;
    private Path workingDirectory;
    private BuildPlanner planner;

    @BeforeEach
    void setUp() throws IOException {
        context = Files.createDirectory(root.resolve("service"));
        workingDirectory = Files.createDirectory(root.resolve("work"));
        planner = new BuildPlanner(workingDirectory);
    }

    // ---- errors, each with its fix ----

    @Test
    void aMissingContextIsNotADirectory() {
        Path missing = root.resolve("no-such-dir");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(missing).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(missing.toString()).contains("not a directory");
                assertThat(e.remedy()).contains("{@context}");
            });
    }

    @Test
    void aFileAsContextIsNotADirectory() throws IOException {
        Path file = Files.writeString(root.resolve("file.txt"), "x");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(file).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains(file.toString()));
    }

    @Test
    void aContextWithoutGoModIsRejected() {
        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains("no go.mod").contains(context.toString());
                assertThat(e.remedy()).contains("{@context}").contains("go mod init");
            });
    }

    @Test
    void goModInAParentDirectoryNamesTheParentAndTheFix() throws IOException {
        writeModule(context, false, true);
        Path sub = Files.createDirectories(context.resolve("cmd/server"));

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(sub).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(context.resolve("go.mod").toString()).contains(sub.toString());
                assertThat(e.remedy()).contains("{@context} " + context + " {@mainPackage} ./cmd/server");
            });
    }

    @Test
    void goModInAParentIsFoundFromARelativeContextToo() throws IOException {
        writeModule(context, false, true);
        Path sub = Files.createDirectories(context.resolve("cmd/server"));
        Path relative = Path.of("").toAbsolutePath().relativize(sub);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(relative).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class,
                e -> assertThat(e.remedy()).contains("{@context} " + context + " {@mainPackage} ./cmd/server"));
    }

    @Test
    void goSumIsRequiredWhenGoModRequiresModules() throws IOException {
        writeModule(context, true, false);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains("go.sum").contains(context.toString());
                assertThat(e.remedy()).contains("go mod tidy").contains(".dockerignore");
            });
    }

    @Test
    void goSumIsNotRequiredWithoutRequirements() throws IOException {
        writeModule(context, false, false);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).build());

        assertThat(plan.dockerfile()).isInstanceOfSatisfying(DockerfileSource.Generated.class,
            generated -> assertThat(DockerfileGeneratorTest.instructions(generated.content())).noneMatch(i -> i.contains("go.sum")));
    }

    @Test
    void anExplicitDockerfileThatDoesNotExistSuggestsGocbDockerfile() throws IOException {
        writeModule(context, true, true);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).dockerfile(Path.of("build/Dockerfile")).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(context.resolve("build/Dockerfile").toString());
                assertThat(e.remedy()).contains("gocb dockerfile").contains("{@dockerfile}");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"GITHUB_TOKEN", "DB_PASSWORD", "db_passwd", "AWS_SECRET_ACCESS_KEY", "SSH_PRIVATE_KEY", "PRIVATEKEY",
        "NPM_API_KEY", "APIKEY", "GIT_CREDENTIALS", "NETRC"})
    void rejectsSecretLookingBuildArgumentsWithoutEchoingTheValue(String name) throws IOException {
        writeModule(context, true, true);
        String value = "value-that-must-not-leak-" + name.length();

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).buildArg(name, value).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(name).contains("secret");
                assertThat(e.remedy()).contains("{@buildSecrets} id=" + name.toLowerCase() + ",src=")
                    .contains("--mount=type=secret,id=" + name.toLowerCase());
                assertThat(e.getMessage()).doesNotContain(value);
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ST", "A-B", "has space", "", "a.b", "ä"})
    void rejectsInvalidBuildArgumentNames(String name) throws IOException {
        writeModule(context, true, true);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).buildArg(name, "v").build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("'" + name + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a=b", "has space"})
    void rejectsInvalidLabelKeys(String key) throws IOException {
        writeModule(context, true, true);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).label(key, "v").build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("'" + key + "'"));
    }

    @Test
    void rejectsImagesAndAnOciArchiveTogether() throws IOException {
        writeModule(context, true, true);
        BuildRequest request = BuildRequest.builder(context).image("127.0.0.1:5000/x:1").ociArchive(workingDirectory.resolve("x.tar")).build();

        assertThatThrownBy(() -> planner.plan(request))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.remedy()).contains("{@images}").contains("{@ociArchive}"));
    }

    @Test
    void rejectsPushingToADigest() throws IOException {
        writeModule(context, true, true);
        String image = "registry.example.com/team/app@sha256:" + "ab".repeat(32);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).image(image).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(image).contains("digest");
                assertThat(e.remedy()).contains("registry.example.com/team/app:");
            });
    }

    @Test
    void rejectsMixingLoopbackAndRemoteRegistries() throws IOException {
        writeModule(context, true, true);
        BuildRequest request = BuildRequest.builder(context).image("127.0.0.1:5000/app:1").image("registry.example.com/app:1").build();

        assertThatThrownBy(() -> planner.plan(request))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("insecure").contains("secure"));
    }

    @Test
    void aRemoteRegistryDeclaredInsecureMayBeMixedWithLoopback() throws IOException {
        writeModule(context, true, true);
        BuildRequest request = BuildRequest.builder(context)
            .image("127.0.0.1:5000/app:1").image("registry.internal:5000/app:1").insecureRegistry("registry.internal:5000").build();

        assertThat(planner.plan(request).output()).isInstanceOfSatisfying(ImageOutput.RegistryPush.class,
            push -> assertThat(push.insecure()).isTrue());
    }

    @Test
    void rejectsAnOciArchiveInAMissingDirectory() throws IOException {
        writeModule(context, true, true);
        Path archive = root.resolve("missing-dir/app.oci.tar");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).ociArchive(archive).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(archive.toString());
                assertThat(e.remedy()).contains(archive.getParent().toString());
            });
    }

    @Test
    void rejectsAnInvalidImageName() throws IOException {
        writeModule(context, true, true);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).image("Not/Valid").build()))
            .isInstanceOf(InvalidImageReferenceException.class)
            .hasMessageContaining("Not/Valid");
    }

    @Test
    void rejectsAnInvalidPlatform() throws IOException {
        writeModule(context, true, true);

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).platform("linux/amd64,windows/amd64").build()))
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("windows/amd64");
    }

    // ---- defaults ----

    @Test
    void addsTheVersionBuildArgument() throws IOException {
        writeModule(context, true, true);

        BuildPlan byDefault = planner.plan(BuildRequest.builder(context).buildArg("GOFLAGS", "-mod=mod").build());
        BuildPlan versioned = planner.plan(BuildRequest.builder(context).version("1.2.3").build());

        assertThat(byDefault.buildArgs()).containsExactlyInAnyOrderEntriesOf(
            Map.of(BuildPlanner.VERSION_ARG, BuildRequest.DEFAULT_VERSION, "GOFLAGS", "-mod=mod"));
        assertThat(versioned.buildArgs()).containsExactlyInAnyOrderEntriesOf(Map.of(BuildPlanner.VERSION_ARG, "1.2.3"));
    }

    @Test
    void anUntaggedImageIsPushedAsLatest() throws IOException {
        writeModule(context, true, true);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).image("registry.example.com/team/app").image("registry.example.com/team/app:1.0").build());

        assertThat(plan.imageNames()).containsExactly(
            ImageReference.parse("registry.example.com/team/app:latest"), ImageReference.parse("registry.example.com/team/app:1.0"));
        assertThat(plan.output()).isInstanceOfSatisfying(ImageOutput.RegistryPush.class, push -> assertThat(push.insecure()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5000/app:1", "localhost:5000/app:1", "[::1]:5000/app:1"})
    void aLoopbackRegistryIsPushedToInsecurely(String image) throws IOException {
        writeModule(context, true, true);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).image(image).build());

        assertThat(plan.output()).isEqualTo(new ImageOutput.RegistryPush(List.of(ImageReference.parse(image)), true));
    }

    @Test
    void withoutImagesTheOciArchiveIsNamedAfterTheBinaryInTheWorkingDirectory() throws IOException {
        writeModule(context, true, true);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).build());

        assertThat(plan.output()).isEqualTo(new ImageOutput.OciArchive(workingDirectory.resolve(BINARY + ".oci.tar")));
        assertThat(plan.imageNames()).isEmpty();
    }

    @Test
    void anExplicitOciArchiveIsKept() throws IOException {
        writeModule(context, true, true);
        Path archive = root.resolve("out.tar");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).ociArchive(archive).build());

        assertThat(plan.output()).isEqualTo(new ImageOutput.OciArchive(archive));
    }

    @Test
    void anOciArchiveNeverReplacesADirectory() throws IOException {
        writeModule(context, true, true);
        Path directory = Files.createDirectory(root.resolve("out"));
        Files.writeString(directory.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).ociArchive(directory).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(directory.toString()).contains("is a directory");
                assertThat(e.remedy()).contains("{@ociArchive}").contains(directory.resolve("image.oci.tar").toString());
            });
        assertThat(Files.readString(directory.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void anOciArchiveNeverReplacesAFileThatIsNotOne() throws IOException {
        writeModule(context, true, true);
        Path notes = Files.writeString(root.resolve("notes.txt"), "release notes, not an image");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).ociArchive(notes).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains(notes.toString()).contains("not an OCI archive");
                assertThat(e.remedy()).contains("{@ociArchive}").contains("move " + notes);
            });
        assertThat(Files.readString(notes)).isEqualTo("release notes, not an image");
    }

    @Test
    void anOciArchiveReplacesAnEarlierOneOrAnEmptyFile() throws IOException, InterruptedException {
        writeModule(context, true, true);
        Path layout = Files.createDirectory(root.resolve("layout"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
        Path earlier = root.resolve("earlier.oci.tar");
        Process tar = new ProcessBuilder("tar", "-cf", earlier.toString(), "-C", layout.toString(), ".").inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        Path empty = Files.createFile(root.resolve("empty.tar"));

        assertThat(planner.plan(BuildRequest.builder(context).ociArchive(earlier).build()).output())
            .isEqualTo(new ImageOutput.OciArchive(earlier));
        assertThat(planner.plan(BuildRequest.builder(context).ociArchive(empty).build()).output())
            .isEqualTo(new ImageOutput.OciArchive(empty));
    }

    @Test
    void aBuildStagesItsOciArchiveInAHiddenSibling() throws IOException {
        writeModule(context, true, true);
        Path archive = root.resolve("out.tar");

        BuildPlan staged = planner.plan(BuildRequest.builder(context).ociArchive(archive).build()).stagedFor("b1");

        assertThat(staged.output()).isEqualTo(new ImageOutput.OciArchive(root.resolve(".out.tar.gocb-b1.partial")));
    }

    @Test
    void aMissingSshSocketOrKeyIsFoundBeforeTheBuild() throws IOException {
        writeModule(context, true, true);
        Path socket = root.resolve("agent.sock");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).ssh(new SshMount("default", List.of(socket))).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("SSH forwarding default: " + socket + " does not exist");
                assertThat(e.remedy()).contains("{@ssh} default=PATH");
            });
        Files.createFile(socket);
        assertThat(planner.plan(BuildRequest.builder(context).ssh(new SshMount("default", List.of(socket))).build()).sshMounts()).hasSize(1);
    }

    /** A module like many services: a library at the root, two commands, a generator and vendored code that are not commands. */
    private void writeMultiCommandModule() throws IOException {
        writeModule(context, true, true);
        Files.writeString(context.resolve("main.go"), "// Package greeter greets.\npackage greeter\n");
        for (String command : List.of("cmd/api", "cmd/worker")) {
            Files.createDirectories(context.resolve(command));
            Files.writeString(context.resolve(command).resolve("main.go"), "package main\n\nfunc main() {}\n");
        }
        Files.createDirectories(context.resolve("internal/gen"));
        Files.writeString(context.resolve("internal/gen/gen.go"), "//go:build ignore\n\npackage main\n\nfunc main() {}\n");
        Files.writeString(context.resolve("internal/gen/names.go"), "package gen\n");
        Files.createDirectories(context.resolve("vendor/example.com/tool"));
        Files.writeString(context.resolve("vendor/example.com/tool/main.go"), "package main\n");
    }

    @Test
    void aMainPackageThatDoesNotExistIsRefusedWithTheModulesMainPackages() throws IOException {
        writeMultiCommandModule();

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).mainPackage("./cmd/apii").build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("the main package ./cmd/apii does not exist in the module " + MODULE_PATH
                    + " (no directory " + context.resolve("cmd/apii") + ")");
                assertThat(e.remedy()).isEqualTo("give {@mainPackage} one of the module's main packages: ./cmd/api, ./cmd/worker");
            });
    }

    @Test
    void aLibraryPackageOrADefaultRootThatIsOneIsNotAMainPackage() throws IOException {
        writeMultiCommandModule();

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).mainPackage("internal/gen").build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem())
                .isEqualTo("./internal/gen is package gen, not a main package"));
        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo(". is package greeter, not a main package");
                assertThat(e.remedy()).endsWith("./cmd/api, ./cmd/worker");
            });
        assertThat(planner.plan(BuildRequest.builder(context).mainPackage("./cmd/worker").build()).dockerfile())
            .isInstanceOf(DockerfileSource.Generated.class);
    }

    @Test
    void aMainPackageWithTheServicesOwnDockerfileIsRefusedNotIgnored() throws IOException {
        writeModule(context, true, true);
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).mainPackage("./cmd/nope").build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("{@mainPackage} cannot be used with the Dockerfile " + dockerfile);
                assertThat(e.remedy()).contains("drop the options");
            });
        assertThat(planner.plan(BuildRequest.builder(context).mainPackage("./").build()).dockerfile()).isEqualTo(new DockerfileSource.Existing(dockerfile));
    }

    @Test
    void anLdflagsVarWithTheServicesOwnDockerfileIsRefusedNotIgnored() throws IOException {
        writeModule(context, true, true);
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).ldflagsVar(LdflagsVar.parse("main.commit={{.Revision}}")).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("{@ldflagsVars} cannot be used with the Dockerfile " + dockerfile);
                assertThat(e.reason()).contains("-ldflags -X");
                assertThat(e.remedy()).contains("gocb dockerfile").contains("drop the options");
            });
    }

    @Test
    void theStampedValuesAreBuildArgumentsOfThePlanAndItsDescription() throws IOException {
        writeModule(context, true, true);
        Files.writeString(context.resolve("main.go"), "package main\n\nvar version, commit string\n\nfunc main() {}\n");
        BuildFacts facts = new BuildFacts("0123456789abcdef0123456789abcdef01234567", "main", java.time.Instant.parse("2026-10-01T12:00:00Z"));

        BuildPlan plan = planner.plan(BuildRequest.builder(context).version("2.0.0").buildFacts(facts)
            .ldflagsVar(LdflagsVar.parse("example.com/acme/greeter/build.Note=built from {{.ShortRevision}}")).build());

        assertThat(plan.buildArgs()).containsEntry(BuildPlanner.VERSION_ARG, "2.0.0").containsEntry("GOCB_X_MAIN_COMMIT", facts.revision())
            .containsEntry("GOCB_X_EXAMPLE_COM_ACME_GREETER_BUILD_NOTE", "built from 0123456");
        assertThat(plan.dockerfile()).isInstanceOfSatisfying(DockerfileSource.Generated.class, generated -> {
            assertThat(generated.stamps().reported()).containsExactly("main.version=2.0.0", "main.commit=" + facts.revision(),
                "example.com/acme/greeter/build.Note=built from 0123456");
            assertThat(generated.content()).contains("${GOCB_X_MAIN_COMMIT}").doesNotContain(facts.revision());
        });
        assertThat(plan.describe()).contains("stamped:    main.version=2.0.0, main.commit=" + facts.revision());
    }

    @Test
    void usesTheDockerfileInTheContext() throws IOException {
        writeModule(context, true, true);
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).build());

        assertThat(plan.dockerfile()).isEqualTo(new DockerfileSource.Existing(dockerfile));
    }

    @Test
    void resolvesAnExplicitDockerfileAgainstTheContext() throws IOException {
        writeModule(context, true, true);
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        Path custom = Files.writeString(Files.createDirectory(context.resolve("build")).resolve("Dockerfile.release"), "FROM scratch\n");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).dockerfile(Path.of("build/Dockerfile.release")).build());

        assertThat(plan.dockerfile()).isEqualTo(new DockerfileSource.Existing(custom));
    }

    @Test
    void generatesADockerfileWhenTheContextHasNone() throws IOException {
        writeModule(context, true, true);
        Files.writeString(Files.createDirectories(context.resolve("cmd/greeter")).resolve("main.go"), "package main\n\nfunc main() {}\n");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).mainPackage("./cmd/greeter").build());

        GoModule module = GoModule.read(context.resolve("go.mod"));
        assertThat(plan.module()).contains(module);
        DockerfileSource.Generated generated = (DockerfileSource.Generated) plan.dockerfile();
        assertThat(generated.content()).isEqualTo(new DockerfileGenerator(module, "./cmd/greeter", true).generate());
        assertThat(generated.binary()).contains(new GoBinary("./cmd/greeter", "/usr/local/bin/greeter", new ModuleSource.Download(), false));
    }

    @Test
    void aDockerfileProjectWithTheModuleInASubdirectoryNeedsNoRootModule() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        writeModule(Files.createDirectories(context.resolve("services/api")), false, false);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).image("127.0.0.1:5000/api:1").build());

        assertThat(plan.module()).isEmpty();
        assertThat(plan.dockerfile()).isEqualTo(new DockerfileSource.Existing(context.resolve("Dockerfile")));
    }

    @Test
    void splitsAndDeduplicatesPlatforms() throws IOException {
        writeModule(context, true, true);

        BuildPlan plan = planner.plan(BuildRequest.builder(context).platform("linux/amd64, linux/arm64").platform("linux/amd64").platform(" ").build());

        assertThat(plan.platforms()).containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));
    }

    @Test
    void dropsABlankTargetAndKeepsAGivenOne() throws IOException {
        writeModule(context, true, true);

        assertThat(planner.plan(BuildRequest.builder(context).target(" ").build()).target()).isEmpty();
        assertThat(planner.plan(BuildRequest.builder(context).target("release").build()).target()).contains("release");
    }

    @Test
    void aBaseImageReplacementIsNamedAsBuildKitLooksUpTheFromImage() throws IOException {
        writeModule(context, true, true);
        Files.writeString(context.resolve("Dockerfile"), "FROM docker.io/library/alpine:latest\nCOPY . /src\n");
        Path rootfs = Files.createDirectories(root.resolve("rootfs"));

        BuildPlan plan = planner.plan(BuildRequest.builder(context).namedContext(NamedContext.localDirectory("alpine:latest", rootfs)).build());

        assertThat(plan.namedContexts()).singleElement().extracting(NamedContext::name).isEqualTo("alpine");
    }

    @Test
    void aBaseImageReplacementTheDockerfileDoesNotReadIsRefused() throws IOException {
        writeModule(context, true, true);
        Path rootfs = Files.createDirectories(root.resolve("rootfs"));

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).namedContext(NamedContext.localDirectory("golang:1.25", rootfs)).build()))
            .isInstanceOf(InvalidBuildRequestException.class)
            .hasMessageContaining("matches no image that the generated Dockerfile reads")
            .hasMessageContaining("baseImages golang:1.22=" + rootfs);
    }

    @Test
    void aCommittedConsistentVendorIsBuiltFromWithoutADownloadStep() throws IOException {
        writeModule(context, true, true);
        writeVendor(context, "# github.com/google/uuid v1.6.0\n## explicit\ngithub.com/google/uuid\n");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).build());

        assertThat(((DockerfileSource.Generated) plan.dockerfile()).content()).contains("-mod=vendor").doesNotContain("go mod download");
        assertThat(plan.notes()).singleElement().asString().contains("committed vendor/");
    }

    @Test
    void anInconsistentCommittedVendorFailsBeforeTheBuildAsGoWould() throws IOException {
        writeModule(context, true, true);
        writeVendor(context, "# github.com/google/uuid v1.5.0\ngithub.com/google/uuid\n");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOf(io.jenkins.plugins.gocontainer.gomod.InconsistentVendoringException.class)
            .hasMessageContaining("github.com/google/uuid@v1.6.0");
    }

    @Test
    void theFixForAGeneratedOnlyOptionWithAnOwnDockerfileWorks() throws IOException {
        writeModule(context, true, true);
        writeVendor(context, "# github.com/google/uuid v1.6.0\n## explicit\ngithub.com/google/uuid\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        BuildRequest.Builder vendored = BuildRequest.builder(context).moduleSource(new ModuleSource.Vendor());

        assertThatThrownBy(() -> planner.plan(vendored.build()))
            .isInstanceOf(InvalidBuildRequestException.class).hasMessageContaining("(dockerfile generated;");

        BuildPlan plan = planner.plan(vendored.generatedDockerfile(true).build());
        assertThat(plan.dockerfile()).isInstanceOfSatisfying(DockerfileSource.Generated.class,
            generated -> assertThat(generated.content()).contains("-mod=vendor"));
    }

    private static void writeVendor(Path directory, String modulesTxt) throws IOException {
        Files.createDirectories(directory.resolve("vendor/github.com/google/uuid"));
        Files.writeString(directory.resolve("vendor/modules.txt"), modulesTxt);
    }

    @Test
    void theSourceDateEpochBecomesTheBuildArgumentUnlessOneIsGiven() throws IOException {
        writeModule(context, true, true);
        java.time.Instant commit = java.time.Instant.parse("2026-10-01T12:00:00Z");

        BuildPlan plan = planner.plan(BuildRequest.builder(context).sourceDateEpoch(commit).build());
        BuildPlan given = planner.plan(BuildRequest.builder(context).sourceDateEpoch(commit).buildArgs(Map.of("SOURCE_DATE_EPOCH", "0")).build());

        assertThat(plan.buildArgs()).containsEntry("SOURCE_DATE_EPOCH", Long.toString(commit.getEpochSecond()));
        assertThat(plan.reproducible()).isTrue();
        assertThat(given.buildArgs()).containsEntry("SOURCE_DATE_EPOCH", "0");
        assertThat(planner.plan(BuildRequest.builder(context).build()).reproducible()).isFalse();
    }

    @Test
    void equalRequestsMakeEqualPlans() throws IOException {
        writeModule(context, true, true);
        Path secret = Files.writeString(root.resolve("netrc"), "machine x login y password z");

        BuildPlan first = planner.plan(fullRequest(secret));
        BuildPlan second = planner.plan(fullRequest(secret));

        assertThat(first).isEqualTo(second);
        assertThat(first.contextDirectory()).isEqualTo(context);
        assertThat(first.secrets()).containsExactly(new SecretMount("netrc", secret));
        assertThat(first.labels()).containsEntry("org.opencontainers.image.source", "https://example.com/x");
        assertThat(first.noCache()).isTrue();
    }

    @Test
    void generatedDockerfileIsOfferedEvenWhenTheServiceHasItsOwn() throws IOException {
        writeModule(context, true, true);
        Files.writeString(Files.createDirectories(context.resolve("cmd/greeter")).resolve("main.go"), "package main\n\nfunc main() {}\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");

        String dockerfile = planner.generatedDockerfile(context, "./cmd/greeter");

        assertThat(dockerfile).isEqualTo(new DockerfileGenerator(GoModule.read(context.resolve("go.mod")), "./cmd/greeter", true).generate());
    }

    @Test
    void generatedDockerfileStampsTheGivenAndTheDetectedVariables() throws IOException {
        writeModule(context, true, true);
        Files.writeString(context.resolve("main.go"), "package main\n\nvar (\n\tversion = \"dev\"\n\tdate    = \"unknown\"\n)\n\nfunc main() {}\n");

        String dockerfile = planner.generatedDockerfile(BuildRequest.builder(context).ldflagsVars(LdflagsVar.parseAll(List.of("main.note={{.Branch}}"))).build());

        assertThat(dockerfile).contains("ARG GOCB_X_MAIN_DATE GOCB_X_MAIN_NOTE").contains("-X 'main.date=${GOCB_X_MAIN_DATE}'")
            .contains("-X 'main.note=${GOCB_X_MAIN_NOTE}'");
        assertThatThrownBy(() -> planner.generatedDockerfile(BuildRequest.builder(context).ldflagsVars(LdflagsVar.parseAll(List.of("main.note"))).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).isEqualTo("invalid {@ldflagsVars} 'main.note'"));
    }

    @Test
    void generatedDockerfileMountsGoSumOnlyWhenItExists() throws IOException {
        writeModule(context, false, false);

        String dockerfile = planner.generatedDockerfile(context, ".");

        assertThat(DockerfileGeneratorTest.instructions(dockerfile)).noneMatch(i -> i.contains("go.sum"));
    }

    @Test
    void generatedDockerfileNeedsTheModuleRoot() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        writeModule(Files.createDirectories(context.resolve("services/api")), false, false);

        assertThatThrownBy(() -> planner.generatedDockerfile(context, "."))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("no go.mod").contains(context.toString()));
        assertThatThrownBy(() -> planner.generatedDockerfile(root.resolve("missing"), "."))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem()).contains("not a directory"));
    }

    private BuildRequest fullRequest(Path secret) {
        return BuildRequest.builder(context)
            .target("release")
            .buildArg("GOFLAGS", "-mod=mod")
            .platform("linux/amd64,linux/arm64")
            .label("org.opencontainers.image.source", "https://example.com/x")
            .namedContext(NamedContext.image("golang:1.22", "docker-image://mirror.example.com/golang:1.22"))
            .secret(new SecretMount("netrc", secret))
            .ssh(new SshMount(SshMount.DEFAULT_ID, List.of()))
            .image("127.0.0.1:5000/app")
            .noCache(true)
            .build();
    }

    private static void writeModule(Path directory, boolean requires, boolean goSum) throws IOException {
        String goMod = "module " + MODULE_PATH + "\n\ngo 1.22\n" + (requires ? "\nrequire github.com/google/uuid v1.6.0\n" : "");
        Files.writeString(directory.resolve("go.mod"), goMod);
        if (goSum) {
            Files.writeString(directory.resolve("go.sum"), "github.com/google/uuid v1.6.0 h1:abc=\n");
        }
        Files.writeString(directory.resolve("main.go"), "package main\n\nfunc main() {}\n");
    }

    @Test
    void aLocalReplacementInsideTheContextIsMountedForTheDownloadStep() throws IOException {
        Files.writeString(context.resolve("go.mod"), "module " + MODULE_PATH + "\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ./lib\n");
        Files.writeString(context.resolve("go.sum"), "");
        Files.writeString(context.resolve("main.go"), "package main\n");

        String dockerfile = ((DockerfileSource.Generated) planner.plan(BuildRequest.builder(context).build()).dockerfile()).content();

        assertThat(dockerfile).contains("--mount=type=bind,source=lib/go.mod,target=lib/go.mod");
    }

    @Test
    void aLocalReplacementOutsideTheContextIsTheWorksLocallyFailsInDockerCause() throws IOException {
        Files.writeString(context.resolve("go.mod"), "module " + MODULE_PATH + "\n\ngo 1.22\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ../lib\n");
        Files.writeString(context.resolve("go.sum"), "");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).contains("replaces example.com/lib with ../lib, outside the build context");
                assertThat(e.remedy()).contains("{@context}");
            });
    }

    @Test
    void aDockerignoreThatExcludesGoSumIsTheWorksLocallyFailsInDockerCause() throws IOException {
        Files.writeString(context.resolve("go.mod"), "module " + MODULE_PATH + "\n\ngo 1.22\n\nrequire example.com/lib v1.0.0\n");
        Files.writeString(context.resolve("go.sum"), "example.com/lib v1.0.0 h1:x=\n");
        Files.writeString(context.resolve(".dockerignore"), "*\n!*.go\n!go.mod\n");

        assertThatThrownBy(() -> planner.plan(BuildRequest.builder(context).build()))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo(".dockerignore excludes go.sum (line '*')");
                assertThat(e.remedy()).contains("'!go.sum'");
            });
    }
}
