package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.cache.FileReplacement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate report's files for machines, a JSON summary and JUnit XML: checked before the build
 * (each path may hold nothing or a report of the same kind from an earlier run) and written in
 * one rename each.
 */
public final class GateReportFiles {

    private GateReportFiles() {
    }

    /** Refuses report paths that would replace a directory or a file gocb did not write; a {@code null} path is not written. */
    public static void requireReplaceable(Path json, String jsonSetting, Path junit, String junitSetting) {
        if (json != null) {
            FileReplacement.requireReplaceable(json, "a JSON gate report", jsonSetting, "gates.json", GateReportFiles::isJsonReport);
        }
        if (junit != null) {
            FileReplacement.requireReplaceable(junit, "a JUnit gate report", junitSetting, "gates.xml", GateReportFiles::isJunitReport);
        }
    }

    /** Writes the reports that have a path. */
    public static void write(GateReport report, Path json, Path junit) {
        write(json, GateReportJson.render(report));
        write(junit, GateReportJunitXml.render(report));
    }

    private static void write(Path file, String content) {
        if (file == null) {
            return;
        }
        try {
            FileReplacement.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GocbException("cannot write the gate report " + file + ": " + e.getMessage(),
                "the directory is not writable or the disk is full", "choose another path", e);
        }
    }

    static boolean isJsonReport(Path file) throws IOException {
        return FileReplacement.smallJsonObject(file).filter(root -> root.containsKey("outcome") && root.get("gates") instanceof List).isPresent();
    }

    static boolean isJunitReport(Path file) throws IOException {
        return FileReplacement.smallText(file).filter(text -> text.contains("<testsuite name=\"" + GateReportJunitXml.SUITE + "\"")).isPresent();
    }
}
