package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateReportFilesTest {

    @TempDir
    Path dir;

    private final GateReport report = new GateReport(List.of(new GateResult("size", "10 MB", "<= 25MB", GateOutcome.PASSED, List.of(), List.of())));

    @Test
    void reportsFromAnEarlierRunAreRecognisedAndReplaced() throws IOException {
        Path json = dir.resolve("gates.json");
        Path junit = dir.resolve("gates.xml");
        GateReportFiles.write(report, json, junit);

        assertThat(GateReportFiles.isJsonReport(json)).isTrue();
        assertThat(GateReportFiles.isJunitReport(junit)).isTrue();
        assertThatCode(() -> GateReportFiles.requireReplaceable(json, "gateJson", junit, "junit")).doesNotThrowAnyException();
    }

    @Test
    void otherFilesAtAReportPathStopTheRunAndAreKept() throws IOException {
        Path packageJson = Files.writeString(dir.resolve("package.json"), "{\"name\": \"web\"}");
        Path otherJunit = Files.writeString(dir.resolve("TEST-unit.xml"), "<?xml version=\"1.0\"?><testsuite name=\"unit\"/>");

        assertThatThrownBy(() -> GateReportFiles.requireReplaceable(packageJson, "gateJson", null, "junit"))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.remedy()).contains("{@gateJson}"));
        assertThatThrownBy(() -> GateReportFiles.requireReplaceable(null, "gateJson", otherJunit, "junit"))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.remedy()).contains("{@junit}"));
        assertThat(Files.readString(packageJson)).isEqualTo("{\"name\": \"web\"}");
        assertThat(GateReportFiles.isJsonReport(otherJunit)).isFalse();
    }
}
