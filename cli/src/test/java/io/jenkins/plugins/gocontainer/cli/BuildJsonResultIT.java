package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuild;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.OperationContext;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** gocb build --format json prints the operation's result, field by field: one shape for the CLI and the steps. */
@ExtendWith(RealEnvironment.Extension.class)
class BuildJsonResultIT {

    @Test
    void jsonOfGocbBuildIsTheOperationsToMap(RealEnvironment env) throws Exception {
        String[] args = {"build", "--context", ProjectLayout.example("hello").toString(), "--addr", env.builder().address(),
            "--base-image", "golang:1.26=" + env.goBaseDirectory(), "--image", env.registry().hostPort() + "/json/hello:2.0.0",
            "--app-version", "2.0.0", "--quiet", "--format", "json"};
        StringWriter out = new StringWriter();
        CommandLine gocb = Gocb.commandLine();
        gocb.setOut(new PrintWriter(out, true));
        gocb.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(gocb.execute(args)).isZero();
        Map<String, Object> printed = new LinkedHashMap<>(Json.parseObject(out.toString()));

        // The same options, through the Java API, on the same (now warm) builder: the same image.
        CommandLine parsed = Gocb.commandLine();
        parsed.parseArgs(args);
        BuildCommand command = parsed.getSubcommands().get("build").getCommand();
        GoDockerBuildResult result = new GoDockerBuild().run(command.specification(),
            OperationContext.of(Path.of("").toAbsolutePath(), System.getenv(), OutputSink.discard()));
        Map<String, Object> expected = new LinkedHashMap<>(Json.parseObject(Json.write(result.toMap())));

        assertThat(printed.keySet()).containsExactlyElementsOf(expected.keySet());
        Map<String, Object> printedDurations = (Map<String, Object>) printed.remove("durations");
        Map<String, Object> expectedDurations = (Map<String, Object>) expected.remove("durations");
        assertThat(printedDurations.keySet()).containsExactlyElementsOf(expectedDurations.keySet());
        expected.forEach((field, value) -> assertThat(printed.get(field)).as(field).isEqualTo(value));
        assertThat(printed.get("digest")).isNotNull();
        assertThat(printed.get("size")).isInstanceOf(Long.class);
    }
}
