package io.jenkins.plugins.gocontainer.contract;

import io.jenkins.plugins.gocontainer.steps.GoDockerBuildParameters;
import io.jenkins.plugins.gocontainer.steps.GoModVendorParameters;
import io.jenkins.plugins.gocontainer.steps.PushTagsParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin keeps the contract, and each kind of break in a copy of it is reported. */
class PluginContractTest {

    private static final Path PLUGIN = Path.of("..", "plugin").toAbsolutePath().normalize();

    @Test
    void thePluginKeepsTheContract() throws IOException {
        assertThat(Files.isDirectory(PLUGIN.resolve("src/main/java"))).as(PLUGIN + " holds the plugin's sources").isTrue();
        assertThat(PluginContract.check(PLUGIN)).isEmpty();
    }

    @Test
    void thePluginRepositoryHasWhatJenkinsHostingExpects() throws Exception {
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PLUGIN.resolve("pom.xml").toFile());
        org.w3c.dom.Element project = pom.getDocumentElement();
        assertThat(child(project, "packaging")).isEqualTo("hpi");
        assertThat(child(project, "artifactId")).isEqualTo("go-container-build");
        assertThat(child((org.w3c.dom.Element) project.getElementsByTagName("parent").item(0), "version")).isEqualTo("6.2138.v03274d462c13");
        for (String element : List.of("name", "url", "scm", "licenses", "developers")) {
            assertThat(project.getElementsByTagName(element).getLength()).as("pom.xml <" + element + ">").isPositive();
        }
        assertThat(pom.getElementsByTagName("jenkins.baseline").item(0).getTextContent()).isEqualTo("2.541");
        Path root = PLUGIN.getParent();
        assertThat(Files.readString(root.resolve("LICENSE"))).startsWith("MIT License");
        assertThat(Files.readString(root.resolve("Jenkinsfile"))).contains("sh './dev/test'").contains("-Pjenkins").contains("'17', '21'");
        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<id>jenkins</id>").contains("<module>plugin</module>");
    }

    private static String child(org.w3c.dom.Element parent, String name) {
        org.w3c.dom.NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof org.w3c.dom.Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    @ParameterizedTest
    @CsvSource({
        "io.jenkins.plugins.gocontainer.pipeline.GoDockerBuildStep, goDockerBuild",
        "io.jenkins.plugins.gocontainer.pipeline.GoModVendorStep, goModVendor",
        "io.jenkins.plugins.gocontainer.pipeline.PushTagsStep, pushTags"})
    void eachStepTakesExactlyTheParametersCoreMaps(String stepClass, String symbol) throws IOException {
        Set<String> core = switch (symbol) {
            case "goDockerBuild" -> GoDockerBuildParameters.PARAMETERS;
            case "goModVendor" -> GoModVendorParameters.PARAMETERS;
            default -> PushTagsParameters.PARAMETERS;
        };
        Set<String> bound = PluginContract.boundNames(PluginContract.parseClass(PLUGIN, stepClass).orElseThrow());
        assertThat(bound).as(stepClass + " against core's parameters of " + symbol).containsExactlyInAnyOrderElementsOf(core);
    }

    @Test
    void aFormFieldWithATypoIsReported(@TempDir Path temp) throws IOException {
        Path copy = copyOfThePlugin(temp);
        replace(copy.resolve("src/main/resources/io/jenkins/plugins/gocontainer/pipeline/GoDockerBuildStep/config.jelly"),
            "field=\"maxImageSize\"", "field=\"maxImagSize\"");

        assertThat(PluginContract.check(copy)).containsExactlyInAnyOrder(
            "src/main/resources/io/jenkins/plugins/gocontainer/pipeline/GoDockerBuildStep/config.jelly: field=\"maxImagSize\" is neither a"
                + " @DataBoundConstructor parameter nor a @DataBoundSetter of io.jenkins.plugins.gocontainer.pipeline.GoDockerBuildStep (it has "
                + new java.util.TreeSet<>(GoDockerBuildParameters.PARAMETERS) + ")",
            "src/main/resources/io/jenkins/plugins/gocontainer/pipeline/GoDockerBuildStep/config.jelly: field=\"maxImagSize\" has no"
                + " help-maxImagSize.html next to the form");
    }

    @Test
    void aFieldWithoutHelpIsReported(@TempDir Path temp) throws IOException {
        Path copy = copyOfThePlugin(temp);
        Files.delete(copy.resolve("src/main/resources/io/jenkins/plugins/gocontainer/config/GoContainerBuildConfiguration/help-address.html"));

        assertThat(PluginContract.check(copy)).containsExactly("src/main/resources/io/jenkins/plugins/gocontainer/config/"
            + "GoContainerBuildConfiguration/config.jelly: field=\"address\" has no help-address.html next to the form");
    }

    @Test
    void aMissingMessagesKeyAndAWrongArgumentCountAreReported(@TempDir Path temp) throws IOException {
        Path copy = copyOfThePlugin(temp);
        Path execution = copy.resolve("src/main/java/io/jenkins/plugins/gocontainer/pipeline/OperationExecution.java");
        replace(execution, "Messages.OperationExecution_Restarted(stepName)", "Messages.OperationExecution_Restartd(stepName)");
        Path configuration = copy.resolve("src/main/java/io/jenkins/plugins/gocontainer/config/GoContainerBuildConfiguration.java");
        replace(configuration, "Messages.GoContainerBuildConfiguration_TestFailed(e.getMessage())", "Messages.GoContainerBuildConfiguration_TestFailed()");

        List<String> violations = PluginContract.check(copy);
        assertThat(violations).hasSize(2);
        assertThat(violations).anyMatch(v -> v.contains("Messages.OperationExecution_Restartd has no key OperationExecution.Restartd in "
            + "io/jenkins/plugins/gocontainer/pipeline/Messages.properties"));
        assertThat(violations).anyMatch(v -> v.contains("Messages.GoContainerBuildConfiguration_TestFailed is given 0 arguments, its message takes 1"));
    }

    @Test
    void malformedJellyAndADuplicateSymbolAreReported(@TempDir Path temp) throws IOException {
        Path copy = copyOfThePlugin(temp);
        replace(copy.resolve("src/main/resources/io/jenkins/plugins/gocontainer/pipeline/PushTagsStep/config.jelly"), "</j:jelly>", "</j:jely>");
        replace(copy.resolve("src/main/java/io/jenkins/plugins/gocontainer/pipeline/PushTagsStep.java"), "@Symbol(\"pushTags\")", "@Symbol(\"goModVendor\")");

        List<String> violations = PluginContract.check(copy);
        assertThat(violations).hasSize(2);
        assertThat(violations).anyMatch(v -> v.startsWith("src/main/resources/io/jenkins/plugins/gocontainer/pipeline/PushTagsStep/config.jelly"
            + " is not well-formed XML"));
        assertThat(violations).anyMatch(v -> v.startsWith("@Symbol(\"goModVendor\") is on both"));
    }

    @Test
    void placeholdersCountUpToTheHighestIndex() {
        assertThat(PluginContract.arguments("no placeholder")).isZero();
        assertThat(PluginContract.arguments("{1} after {0}")).isEqualTo(2);
        assertThat(PluginContract.arguments("only {2}")).isEqualTo(3);
    }

    private static Path copyOfThePlugin(Path temp) throws IOException {
        Path copy = temp.resolve("plugin");
        try (Stream<Path> files = Files.walk(PLUGIN.resolve("src/main"))) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(PLUGIN.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " contains " + from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
