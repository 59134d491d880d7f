package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;
import io.jenkins.plugins.gocontainer.plan.Platform;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuildMetadataTest {

    private static final String MANIFEST_DIGEST = "sha256:639f7fa8684f4aeb5eeb43b0eda47a69bd0e11fc16916482aab54fc6efb86d99";
    private static final String CONFIG_DIGEST = "sha256:88756a4cd026396e64f7da2045ea6aadf5c2bdc2fe957fc69d7e021fd61888ed";
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    private static final long MANIFEST_SIZE = 476;

    /** The metadata file buildctl wrote for a push of 127.0.0.1:5000/x:1 (BuildKit v0.2x). */
    private static final String REAL_METADATA = """
        {
          "containerimage.config.digest": "%s",
          "containerimage.descriptor": {
            "mediaType": "%s",
            "digest": "%s",
            "size": %d,
            "annotations": {
              "org.opencontainers.image.created": "2026-11-22T03:09:41Z"
            },
            "platform": {
              "architecture": "amd64",
              "os": "linux"
            }
          },
          "containerimage.digest": "%s",
          "image.name": "127.0.0.1:5000/x:1"
        }
        """.formatted(CONFIG_DIGEST, MANIFEST_TYPE, MANIFEST_DIGEST, MANIFEST_SIZE, MANIFEST_DIGEST);

    @TempDir
    Path directory;

    @Test
    void readsTheDigestsMediaTypeAndSize() throws IOException {
        BuildPlan plan = plan(List.of(ImageReference.parse("127.0.0.1:5000/x:1")), List.of(Platform.parse("linux/amd64")));

        BuildResult result = BuildMetadata.read(write(REAL_METADATA), plan);

        assertThat(result.digest()).isEqualTo(MANIFEST_DIGEST);
        assertThat(result.configDigest()).contains(CONFIG_DIGEST);
        assertThat(result.mediaType()).isEqualTo(MANIFEST_TYPE);
        assertThat(result.size()).isEqualTo(MANIFEST_SIZE);
        assertThat(result.names()).isEqualTo(plan.imageNames());
        assertThat(result.platforms()).isEqualTo(plan.platforms());
        assertThat(result.isIndex()).isFalse();
    }

    @Test
    void recognisesAMetadataFileAnEarlierBuildWroteAndNothingElse() throws IOException {
        assertThat(BuildMetadata.isMetadataFile(write(REAL_METADATA))).isTrue();
        assertThat(BuildMetadata.isMetadataFile(Files.writeString(directory.resolve("package.json"), "{\"name\": \"web\"}"))).isFalse();
        assertThat(BuildMetadata.isMetadataFile(Files.writeString(directory.resolve("notes.txt"), "containerimage.digest"))).isFalse();
    }

    @Test
    void aSinglePlatformImageReportsThePlatformOfItsDescriptor() throws IOException {
        String json = "{\"containerimage.digest\": \"" + MANIFEST_DIGEST + "\", \"containerimage.descriptor\": {\"mediaType\": \""
            + MANIFEST_TYPE + "\", \"digest\": \"" + MANIFEST_DIGEST + "\", \"size\": 476, "
            + "\"platform\": {\"architecture\": \"arm\", \"os\": \"linux\", \"variant\": \"v7\"}}}";

        BuildResult result = BuildMetadata.read(write(json), plan(List.of(), List.of()));

        assertThat(result.platforms()).containsExactly(Platform.parse("linux/arm/v7"));
    }

    @Test
    void fallsBackToTheDescriptorDigest() throws IOException {
        String json = "{\"containerimage.descriptor\": {\"mediaType\": \"application/vnd.oci.image.index.v1+json\", \"digest\": \""
            + MANIFEST_DIGEST + "\", \"size\": 1234}}";

        BuildResult result = BuildMetadata.read(write(json), plan(List.of(), List.of()));

        assertThat(result.digest()).isEqualTo(MANIFEST_DIGEST);
        assertThat(result.configDigest()).isEmpty();
        assertThat(result.size()).isEqualTo(1234);
        assertThat(result.isIndex()).isTrue();
        assertThat(result.names()).isEmpty();
    }

    @Test
    void pinnedReferencesAreTheNamesAtTheDigest() throws IOException {
        List<ImageReference> names = List.of(ImageReference.parse("127.0.0.1:5000/x:1"), ImageReference.parse("127.0.0.1:5000/x:latest"),
            ImageReference.parse("127.0.0.1:5000/y:1"));

        BuildResult result = BuildMetadata.read(write(REAL_METADATA), plan(names, List.of()));

        assertThat(result.pinnedReferences()).containsExactly(
            ImageReference.parse("127.0.0.1:5000/x@" + MANIFEST_DIGEST), ImageReference.parse("127.0.0.1:5000/y@" + MANIFEST_DIGEST));
    }

    @Test
    void aMissingDigestIsAnErrorNamingTheFileAndItsKeys() throws IOException {
        Path file = write("{\"image.name\": \"127.0.0.1:5000/x:1\", \"containerimage.config.digest\": \"" + CONFIG_DIGEST + "\"}");

        assertThatThrownBy(() -> BuildMetadata.read(file, plan(List.of(), List.of())))
            .isInstanceOfSatisfying(GocbException.class, e -> {
                assertThat(e.problem()).contains(file.toString()).contains("containerimage.digest").contains("image.name");
                assertThat(e.remedy()).isNotBlank();
            });
    }

    @Test
    void aDigestThatIsNotSha256IsRejected() throws IOException {
        Path file = write("{\"containerimage.digest\": \"md5:0123\"}");

        assertThatThrownBy(() -> BuildMetadata.read(file, plan(List.of(), List.of())))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining(file.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"containerimage.digest\": ", "not json at all", "{'single': 'quotes'}"})
    void malformedJsonIsAnErrorNamingTheFile(String text) throws IOException {
        Path file = write(text);

        assertThatThrownBy(() -> BuildMetadata.read(file, plan(List.of(), List.of())))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "null"})
    void somethingOtherThanAnObjectIsAnErrorNamingTheFile(String text) throws IOException {
        Path file = write(text);

        assertThatThrownBy(() -> BuildMetadata.read(file, plan(List.of(), List.of())))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path file = directory.resolve("metadata.json");

        assertThatThrownBy(() -> BuildMetadata.read(file, plan(List.of(), List.of())))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining(file.toString());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(directory.resolve("metadata.json"), text);
    }

    private BuildPlan plan(List<ImageReference> names, List<Platform> platforms) {
        ImageOutput output = names.isEmpty() ? new ImageOutput.OciArchive(directory.resolve("o.tar")) : new ImageOutput.RegistryPush(names, true);
        return new BuildPlan(directory, new DockerfileSource.Generated("FROM scratch\n"), Optional.empty(), Optional.empty(),
            Map.of(), platforms, Map.of(), List.of(), List.of(), List.of(), List.of(), output, false, List.of());
    }
}
