package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.plan.LayerCache;
import io.jenkins.plugins.gocontainer.plan.LdflagsVar;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gocb dockerfile}: prints the Dockerfile gocb generates for a service, so teams can adopt it. */
@Command(name = "dockerfile", mixinStandardHelpOptions = true,
    description = "Prints the best-practice Dockerfile gocb generates for a Go service (redirect it to adopt it).")
final class DockerfileCommand implements Callable<Integer> {

    static final String LDFLAGS_VAR = "string variable of the binary set with -ldflags -X (generated Dockerfile only); repeatable."
        + " TEMPLATE is text with {{.Version}}, {{.Revision}}, {{.ShortRevision}}, {{.Branch}}, {{.Date}} (commit time, RFC 3339 UTC),"
        + " e.g. example.com/svc/internal/build.Commit={{.Revision}}. goreleaser's main.commit/date and"
        + " github.com/prometheus/common/version are stamped without it";

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the module root, with go.mod (default: .)")
    Path context;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = ".", description = "main package, e.g. ./cmd/server (default: .)")
    String mainPackage;

    @Option(names = "--vendored", description = "the Dockerfile for a build with -mod=vendor from vendor/ in the context, as 'gocb build --vendored'")
    boolean vendored;

    @Option(names = "--module-cache", paramLabel = "DIR",
        description = "the Dockerfile for a hermetic build from a module cache, as 'gocb build --module-cache DIR'")
    Path moduleCache;

    @Option(names = "--ldflags-var", paramLabel = "PKG.NAME=TEMPLATE", description = LDFLAGS_VAR)
    List<String> ldflagsVars = new ArrayList<>();

    @Option(names = "--go-build-cache", paramLabel = "DIR",
        description = "the Dockerfile for a build that seeds the Go build cache from DIR, as 'gocb build --go-build-cache DIR'")
    Path goBuildCache;

    @Option(names = "--cache", paramLabel = "KIND[=WHERE]",
        description = "the Dockerfile for a build exporting this layer cache, as 'gocb build --cache' (downloaded modules then stay in a layer); repeatable")
    List<String> layerCaches = new ArrayList<>();

    @Override
    public Integer call() {
        if (vendored && moduleCache != null) {
            return ErrorReporter.report(new InvalidBuildRequestException("--vendored and --module-cache exclude each other",
                "a build takes its modules from vendor/ or from a module cache, not both", "give one of them"),
                OutputFormat.human, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        ModuleSource source = vendored ? new ModuleSource.Vendor()
            : moduleCache != null ? new ModuleSource.ProxyDirectory(moduleCache.toAbsolutePath()) : new ModuleSource.Download();
        try {
            Path workingDirectory = Path.of("").toAbsolutePath();
            BuildRequest.Builder request = BuildRequest.builder(context).mainPackage(mainPackage).moduleSource(source)
                .ldflagsVars(LdflagsVar.parseAll(ldflagsVars)).goBuildCache(goBuildCache == null ? null : goBuildCache.toAbsolutePath());
            layerCaches.forEach(cache -> request.layerCache(LayerCache.parse(cache, workingDirectory)));
            spec.commandLine().getOut().print(new BuildPlanner(workingDirectory).generatedDockerfile(request.build()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (GocbException e) {
            return ErrorReporter.report(e, OutputFormat.human, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
