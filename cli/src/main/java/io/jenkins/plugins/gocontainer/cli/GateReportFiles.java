package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportJson;
import io.jenkins.plugins.gocontainer.gates.GateReportJunitXml;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a gate report is written for machines: a JSON summary and JUnit XML for Jenkins' junit step. */
final class GateReportFiles {

    @Option(names = "--gate-json", paramLabel = "FILE", description = "write the gate results as JSON")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "write the gate results as JUnit XML (one test case per gate), for Jenkins' junit step")
    Path junit;

    void write(GateReport report) {
        write(report, json, junit);
    }

    static void write(GateReport report, Path json, Path junit) {
        write(json, GateReportJson.render(report));
        write(junit, GateReportJunitXml.render(report));
    }

    private static void write(Path file, String content) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GocbException("cannot write the gate report " + file + ": " + e.getMessage(),
                "the directory is not writable or the disk is full", "choose another path", e);
        }
    }
}
