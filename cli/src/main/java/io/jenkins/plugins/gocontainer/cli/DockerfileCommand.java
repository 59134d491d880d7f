package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gocb dockerfile}: prints the Dockerfile gocb generates for a service, so teams can adopt it. */
@Command(name = "dockerfile", mixinStandardHelpOptions = true,
    description = "Prints the best-practice Dockerfile gocb generates for a Go service (redirect it to adopt it).")
final class DockerfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the module root, with go.mod (default: .)")
    Path context;

    @Option(names = "--package", paramLabel = "PKG", defaultValue = ".", description = "main package, e.g. ./cmd/server (default: .)")
    String mainPackage;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().print(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).generatedDockerfile(context, mainPackage));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (GocbException e) {
            return ErrorReporter.report(e, OutputFormat.human, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
