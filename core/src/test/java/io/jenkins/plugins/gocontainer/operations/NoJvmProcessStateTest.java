package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core runs inside a Jenkins agent JVM, whose environment, working directory and home are the
 * agent's, not the build's: no main source of core may read them. Everything comes from the
 * OperationContext (workspace, environment) instead.
 */
class NoJvmProcessStateTest {

    private static final Pattern JVM_PROCESS_STATE = Pattern.compile(
        "System\\.getenv|\"user\\.dir\"|\"user\\.home\"|Path\\.of\\(\"\"\\)|Paths\\.get\\(\"\"\\)|new File\\(\"\"\\)|new ProcessBuilder\\(");

    @Test
    void coreReadsNeitherTheJvmsEnvironmentNorItsWorkingDirectoryNorItsHome() throws IOException {
        Path sources = ProjectLayout.root().resolve("core/src/main/java");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (JVM_PROCESS_STATE.matcher(lines.get(i)).find()) {
                        offenders.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        // Processes start only in exec.CommandRunner, which gives them exactly the environment it was made with.
        assertThat(offenders).allMatch(line -> line.startsWith("io/jenkins/plugins/gocontainer/exec/CommandRunner.java:")
            && line.contains("new ProcessBuilder("));
        assertThat(offenders).hasSize(1);
    }
}
