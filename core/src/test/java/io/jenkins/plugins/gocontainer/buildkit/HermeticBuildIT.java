package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import io.jenkins.plugins.gocontainer.plan.NamedContext;

import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetcher;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchRequest;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchResult;
import io.jenkins.plugins.gocontainer.testing.GitSshServer;
import io.jenkins.plugins.gocontainer.testing.GoImportMetaServer;
import io.jenkins.plugins.gocontainer.testing.HermeticGo;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.PrivateModuleRepository;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * goModVendor on the agent, then a build that needs no network at all: the generated Dockerfile
 * runs its module and compile steps with {@code --network=none}, reading modules only from the
 * agent's module cache (a named context used as a file:// GOPROXY) or from vendor/.
 */
@ExtendWith(RealEnvironment.Extension.class)
class HermeticBuildIT {

    private static final List<String> EXPECTED_REPORT_START = List.of("greeting: hello, gocb");

    @Test
    void downloadModeBuildsFromTheAgentsModuleCacheWithoutNetwork(RealEnvironment env) throws Exception {
        Path service = TestModules.copyExample(env.newDirectory("modules-download-").resolve("svc"));
        Path moduleCache = env.newDirectory("modcache-").resolve("gomodcache");
        ModuleFetchResult vendored = vendor(env, ModuleFetchRequest.of(service, GoModMode.DOWNLOAD).withModuleCache(moduleCache), offlineGo(env));
        assertThat(vendored.moduleCount()).isGreaterThanOrEqualTo(5);

        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(service)
            .namedContext(env.golangBase())
            .moduleSource(new ModuleSource.ProxyDirectory(moduleCache))
            .noCache(true)
            .image(env.registry().hostPort() + "/examples/modules:download")
            .build());
        String dockerfile = ((DockerfileSource.Generated) plan.dockerfile()).content();
        assertThat(dockerfile).contains("RUN --network=none --mount=type=cache,target=/go/pkg/mod", "GOPROXY=file:///gocb/gomodcache,off")
            .doesNotContain("go mod download");

        BuildResult result = new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(new SecretMasker(), System.getenv())).build(plan, line -> { });

        assertRuns(env, "examples/modules@" + result.digest());
    }

    @Test
    void vendorModeBuildsFromVendorWithoutNetwork(RealEnvironment env) throws Exception {
        Path service = TestModules.copyExample(env.newDirectory("modules-vendor-").resolve("svc"));
        vendor(env, ModuleFetchRequest.of(service, GoModMode.VENDOR), offlineGo(env));
        assertThat(service.resolve("vendor/modules.txt")).isRegularFile();

        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(service)
            .namedContext(env.golangBase())
            .moduleSource(new ModuleSource.Vendor())
            .noCache(true)
            .image(env.registry().hostPort() + "/examples/modules:vendor")
            .build());
        assertThat(((DockerfileSource.Generated) plan.dockerfile()).content()).doesNotContain("go mod download").contains("go build -v -mod=vendor");

        BuildResult result = new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(new SecretMasker(), System.getenv())).build(plan, line -> { });

        assertRuns(env, "examples/modules@" + result.digest());
    }

    /**
     * The credentials stay on the agent: go fetches the private module there (over SSH, with the
     * same session a build would forward), and the build receives only the module cache.
     */
    @Test
    void aPrivateModuleFetchedOnTheAgentBuildsWithoutAnyCredentialInTheBuild(RealEnvironment env) throws Exception {
        try (GoImportMetaServer meta = GoImportMetaServer.start(); GitSshServer ssh = GitSshServer.start()) {
            PrivateModuleRepository.createIn(ssh.repositoryRoot());
            Path knownHosts = Files.writeString(env.newDirectory("known-hosts-").resolve("known_hosts"), ssh.knownHostsLine("127.0.0.1") + "\n");
            PrivateModuleAccess access = PrivateModuleAccess.builder()
                .sshKey(ssh.clientKey(), null)
                .knownHosts(knownHosts)
                .sshHost(new GitSshHost(ssh.user(), "127.0.0.1", ssh.port()))
                .rewrite(new GitRewrite("https://" + PrivateModuleRepository.HOST + "/", ssh.baseUrl()))
                .certificateAuthority(meta.caCertificate())
                .goVariable(GoPrivateEnvironment.GOPRIVATE, PrivateModuleRepository.HOST)
                .build();
            Path work = env.newDirectory("private-hermetic-");
            Path service = copy(ProjectLayout.example("private"), work.resolve("svc"));
            Path moduleCache = work.resolve("gomodcache");
            Map<String, String> goEnvironment = new LinkedHashMap<>(HermeticGo.in(work.resolve("go")).environment());
            goEnvironment.put("NO_PROXY", "127.0.0.1," + PrivateModuleRepository.HOST);
            goEnvironment.put("no_proxy", goEnvironment.get("NO_PROXY"));
            CommandRunner runner = new CommandRunner(new SecretMasker(), System.getenv());
            try (PrivateModuleSession session = access.open(runner, Map.of(), work)) {
                goEnvironment.putAll(session.hostEnvironment());
                ModuleFetchRequest request = ModuleFetchRequest.of(service, GoModMode.DOWNLOAD).withModuleCache(moduleCache)
                    .withGo(meta.goResolvingThePrivateHost(work).toString());
                vendor(env, request, goEnvironment);
            }
            assertThat(moduleCache.resolve("cache/download/git.internal.test/team/secretlib/@v/v1.0.0.zip")).isRegularFile();

            BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(BuildRequest.builder(service)
                .namedContext(NamedContext.localDirectory("golang:1.22", env.goBaseDirectory()))
                .moduleSource(new ModuleSource.ProxyDirectory(moduleCache))
                .noCache(true)
                .image(env.registry().hostPort() + "/examples/private:hermetic")
                .build());
            assertThat(plan.secrets()).isEmpty();
            assertThat(plan.sshMounts()).isEmpty();
            assertThat(plan.hostMappings()).isEmpty();

            BuildResult result = new ImageBuilder(new BuildctlDriver(env.builder()), runner).build(plan, line -> { });

            String pinned = env.registry().hostPort() + "/examples/private@" + result.digest();
            assertThat(ImageRun.run(env, pinned, "/usr/local/bin/private")).containsExactly(PrivateModuleRepository.GREETING);
        }
    }

    private static void assertRuns(RealEnvironment env, String repositoryAndDigest) throws Exception {
        List<String> output = ImageRun.run(env, env.registry().hostPort() + "/" + repositoryAndDigest, "/usr/local/bin/modules", "a", "bcd");
        assertThat(output).startsWith(EXPECTED_REPORT_START.toArray(String[]::new));
        assertThat(output).anyMatch(line -> line.startsWith("id: "));
    }

    /** go with the test module cache as its only source. */
    private static Map<String, String> offlineGo(RealEnvironment env) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(HermeticGo.in(env.newDirectory("go-")).environment());
        environment.put("GOPROXY", TestModules.proxyUrl() + ",off");
        environment.put("GOFLAGS", "");
        return environment;
    }

    private static ModuleFetchResult vendor(RealEnvironment env, ModuleFetchRequest request, Map<String, String> environment) throws Exception {
        List<String> log = new ArrayList<>();
        return new ModuleFetcher(new CommandRunner(new SecretMasker(), System.getenv())).run(request.withEnvironment(environment), log::add);
    }

    private static Path copy(Path source, Path target) throws Exception {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }
}
