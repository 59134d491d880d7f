package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.testing.ImageRun;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version and the commit reach the binary's own variables, on the real builder: a goreleaser-style
 * main and a package of the module's own (through --ldflags-var), and the real
 * github.com/prometheus/common/version, from the test module cache. Each image's binary is run and prints what it holds.
 */
@ExtendWith(RealEnvironment.Extension.class)
class VersionStampsIT {

    private static final Instant COMMIT_TIME = Instant.parse("2026-10-01T12:00:00Z");

    @Test
    void goreleasersVariablesAndAPackageOfTheModulesOwnReceiveTheFactsSpacesAndAll(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("stamps-releaser-");
        String commit;
        try (GitFixture git = GitFixture.init(workspace.resolve("svc"))) {
            git.write("go.mod", "module example.com/releaser\n\ngo 1.26\n")
                .write("main.go", """
                    package main

                    import (
                    \t"fmt"

                    \t"example.com/releaser/internal/build"
                    )

                    var (
                    \tversion = "dev"
                    \tcommit  = "none"
                    \tdate    = "unknown"
                    \tbuiltBy = "unknown"
                    )

                    func main() {
                    \tfmt.Println("version=" + version)
                    \tfmt.Println("commit=" + commit)
                    \tfmt.Println("date=" + date)
                    \tfmt.Println("builtBy=" + builtBy)
                    \tfmt.Println("note=" + build.Note)
                    }
                    """)
                .write("internal/build/build.go", "package build\n\n// Note is set at link time.\nvar Note = \"unset\"\n");
            commit = git.commit("release", COMMIT_TIME);
            git.branch("release/1.2");
        }
        OperationFixture.Log log = new OperationFixture.Log();

        List<String> printed = buildAndRun(env, workspace, "releaser", log, spec -> spec.appVersion("1.2.3 beta")
            .ldflagsVar("example.com/releaser/internal/build.Note=built on {{.Branch}} at {{.ShortRevision}}, \"{{.Version}}\""));

        assertThat(printed).as(log.text()).containsExactly("version=1.2.3 beta", "commit=" + commit, "date=2026-10-01T12:00:00Z", "builtBy=gocb",
            "note=built on release/1.2 at " + commit.substring(0, 7) + ", \"1.2.3 beta\"");
        assertThat(log.lines()).contains("gocb: stamped into the binary: main.version=1.2.3 beta, main.commit=" + commit
            + ", main.date=2026-10-01T12:00:00Z, main.builtBy=gocb, example.com/releaser/internal/build.Note=built on release/1.2 at "
            + commit.substring(0, 7) + ", \"1.2.3 beta\"");
        assertThat(log.lines()).noneMatch(line -> line.startsWith("gocb: warning:"));
    }

    @Test
    void theRealPrometheusVersionPackageIsStampedByItsImportPath(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("stamps-prometheus-");
        Path svc = TestModules.copy(fixture("prometheus-exporter"), workspace.resolve("svc"));
        String commit;
        try (GitFixture git = GitFixture.init(svc)) {
            commit = git.commit("exporter", COMMIT_TIME);
        }
        OperationFixture.Log log = new OperationFixture.Log();

        List<String> printed = buildAndRun(env, workspace, "exporter", log, spec -> spec.appVersion("0.9.0").moduleCache(TestModules.cache().toString()));

        assertThat(printed).as(log.text()).containsExactly("Version=0.9.0", "Revision=" + commit, "Branch=main", "BuildUser=gocb",
            "BuildDate=2026-10-01T12:00:00Z", "(version=0.9.0, branch=main, revision=" + commit + ")");
        assertThat(log.lines()).anyMatch(line -> line.startsWith("gocb: stamped into the binary: github.com/prometheus/common/version.Version=0.9.0, "));
        assertThat(log.lines()).as("main declares no version variable, and prometheus's received it").noneMatch(line -> line.startsWith("gocb: warning:"));
    }

    /** Builds {@code svc} in {@code workspace} as a step would, pushes it as stamps/NAME:it, and runs /usr/local/bin/NAME in it. */
    private static List<String> buildAndRun(RealEnvironment env, Path workspace, String name, OperationFixture.Log log,
                                            UnaryOperator<GoDockerBuildSpec.Builder> options) throws Exception {
        GoDockerBuildSpec spec = options.apply(GoDockerBuildSpec.builder()
            .context("svc")
            .image(env.registry().hostPort() + "/stamps/" + name + ":it")
            .baseImage(OperationFixture.golangBase(env))
            .buildkit(OperationFixture.builder(env))).build();
        GoDockerBuildResult result = new GoDockerBuild().run(spec,
            OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), log));
        return ImageRun.run(env, result.pinned(), "/usr/local/bin/" + name);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(VersionStampsIT.class.getResource("/ldflags/" + name).toURI());
    }
}
