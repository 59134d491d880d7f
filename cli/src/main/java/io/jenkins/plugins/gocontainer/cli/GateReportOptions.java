package io.jenkins.plugins.gocontainer.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where {@code gocb build} writes the gate report for machines: a JSON summary and JUnit XML for Jenkins' junit step. */
final class GateReportOptions {

    @Option(names = "--gate-json", paramLabel = "FILE", description = "write the gate results as JSON")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "write the gate results as JUnit XML (one test case per gate), for Jenkins' junit step")
    Path junit;
}
