package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.registry.Descriptor;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.Manifest;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The size gate on images really built by BuildKit and pushed to a real registry. */
@ExtendWith(RealEnvironment.Extension.class)
class SizeGateIT {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2));

    private static String helloTag;
    private static String helloDigest;

    static RegistryClient client() {
        return new RegistryClient(new RegistryHttp(registry -> Optional.empty(), FAST, Set.of()));
    }

    static ImageBuilder builder(RealEnvironment env) {
        return new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(SecretMasker.none(), System.getenv()));
    }

    static BuildRequest.Builder hello(RealEnvironment env) {
        return BuildRequest.builder(ProjectLayout.example("hello")).namedContext(env.golangBase()).version("1.0.0-size");
    }

    /** examples/hello built once per JVM and pushed; returns its reference by tag. */
    static synchronized ImageReference pushedHello(RealEnvironment env) throws Exception {
        if (helloTag == null) {
            String reference = env.registry().hostPort() + "/size/hello:1";
            BuildResult result = builder(env).build(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(hello(env).image(reference).build()), line -> { });
            helloTag = reference;
            helloDigest = result.digest();
        }
        return ImageReference.parse(helloTag);
    }

    @Test
    void measuresThePushedHelloImageExactly(RealEnvironment env) throws Exception {
        ImageReference reference = pushedHello(env);
        RegistryClient client = client();

        ImageSize size = ImageSize.fromRegistry(client, reference);

        assertThat(size.digest()).isEqualTo(helloDigest);
        assertThat(size.notes()).isEmpty();
        ImageSize.PlatformSize platform = size.platforms().get(0);
        assertThat(size.platforms()).hasSize(1);
        assertThat(platform.platform()).startsWith("linux/");
        // Compressed = the sizes of the blobs exactly as the registry serves them.
        Manifest manifest = client.getManifest(reference, helloDigest).orElseThrow();
        long served = 0;
        for (Descriptor blob : manifest.blobs()) {
            served += blobLength(client, reference, blob.digest());
        }
        assertThat(platform.compressed()).isEqualTo(served);
        assertThat(platform.layers()).hasSize(manifest.blobs().size() - 1);
        // A static, stripped Go binary plus CA certificates: a few MB unpacked, more than compressed.
        long unpacked = platform.uncompressed().orElseThrow();
        assertThat(unpacked).isGreaterThan(platform.compressed()).isBetween(1_000_000L, 60_000_000L);
        assertThat(platform.layers()).allSatisfy(layer -> assertThat(layer.uncompressedSize()).isPresent());
        // The largest layer is the binary, with the step that copied it.
        ImageSize.LayerSize largest = platform.largestLayers(1, false).get(0);
        assertThat(largest.createdBy()).contains("COPY").contains("/hello");
        assertThat(platform.largestLayers(1, true).get(0).createdBy()).contains("/hello");
    }

    @Test
    void theOciTarOfTheSameBuildHasTheSameSize(RealEnvironment env) throws Exception {
        ImageSize fromRegistry = ImageSize.fromRegistry(client(), pushedHello(env));
        Path tar = env.newDirectory("size-oci-").resolve("hello.oci.tar");
        builder(env).build(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(hello(env).ociArchive(tar).build()), line -> { });

        ImageSize fromTar = ImageSize.fromOciLayout(tar);

        assertThat(fromTar.platforms()).hasSize(1);
        ImageSize.PlatformSize oci = fromTar.platforms().get(0);
        ImageSize.PlatformSize pushed = fromRegistry.platforms().get(0);
        assertThat(oci.platform()).isEqualTo(pushed.platform());
        assertThat(oci.layers()).extracting(ImageSize.LayerSize::digest)
            .containsExactlyElementsOf(pushed.layers().stream().map(ImageSize.LayerSize::digest).toList());
        assertThat(oci.compressed()).isEqualTo(pushed.compressed());
        assertThat(oci.uncompressed()).isEqualTo(pushed.uncompressed());
        assertThat(oci.layers()).extracting(ImageSize.LayerSize::createdBy)
            .containsExactlyElementsOf(pushed.layers().stream().map(ImageSize.LayerSize::createdBy).toList());
        Files.delete(tar);
    }

    @Test
    void aMultiPlatformIndexGivesOneEntryPerPlatform(RealEnvironment env) throws Exception {
        String reference = env.registry().hostPort() + "/size/greeter:multi";
        BuildRequest request = BuildRequest.builder(ProjectLayout.example("hello-nodockerfile"))
            .mainPackage("./cmd/greeter")
            .namedContext(env.golangBase())
            .platforms(List.of("linux/amd64,linux/arm64"))
            .image(reference)
            .build();
        BuildResult result = builder(env).build(new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(request), line -> { });
        RegistryClient client = client();

        ImageSize size = ImageSize.fromRegistry(client, ImageReference.parse(reference), false);

        assertThat(size.digest()).isEqualTo(result.digest());
        assertThat(size.platforms()).extracting(ImageSize.PlatformSize::platform).containsExactlyInAnyOrder("linux/amd64", "linux/arm64");
        Manifest index = client.getManifest(ImageReference.parse(reference), result.digest()).orElseThrow();
        for (Descriptor child : index.children()) {
            if (child.platform().filter(p -> p.equals("linux/amd64") || p.equals("linux/arm64")).isEmpty()) {
                continue;
            }
            Manifest image = client.getManifest(ImageReference.parse(reference), child.digest()).orElseThrow();
            ImageSize.PlatformSize measured = size.platform(child.platform().get()).orElseThrow();
            assertThat(measured.manifestDigest()).isEqualTo(child.digest());
            assertThat(measured.compressed()).isEqualTo(image.blobs().stream().mapToLong(Descriptor::size).sum());
            assertThat(measured.uncompressed()).isEmpty();
        }
        // The two binaries differ, so do the sizes.
        assertThat(size.platform("linux/amd64").orElseThrow().compressed()).isNotEqualTo(size.platform("linux/arm64").orElseThrow().compressed());

        GateResult gate = SizeGate.evaluate(size, Optional.empty(), SizeGate.Limits.max(ByteSize.parse("1GB"))
            .withPlatformMax("linux/arm64", ByteSize.parse("1kB")), OnBreach.FAILED, 3);
        assertThat(gate.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(gate.breaches()).singleElement().asString().startsWith("linux/arm64:");
        assertThat(gate.offenders()).isNotEmpty().allMatch(offender -> offender.startsWith("linux/arm64"));
    }

    @Test
    void theGateFailsOnATooSmallLimitAndPassesOnALargeOne(RealEnvironment env) throws Exception {
        ImageSize size = ImageSize.fromRegistry(client(), pushedHello(env), false);
        long compressed = size.platforms().get(0).compressed();

        GateResult tooSmall = SizeGate.evaluate(size, Optional.empty(), SizeGate.Limits.max(ByteSize.parse("1MB")), OnBreach.FAILED, 3);
        GateResult large = SizeGate.evaluate(size, Optional.empty(), SizeGate.Limits.max(ByteSize.parse("100MiB")), OnBreach.FAILED, 3);
        GateResult exact = SizeGate.evaluate(size, Optional.empty(), SizeGate.Limits.max(new ByteSize(compressed)), OnBreach.FAILED, 3);

        assertThat(tooSmall.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(tooSmall.breaches()).singleElement().asString().contains(new ByteSize(compressed).toString());
        assertThat(tooSmall.offenders().get(0)).contains("/hello");
        assertThat(large.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(exact.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(GateReportTable.render(new GateReport(List.of(tooSmall)))).contains("image size").contains("/hello");
    }

    @Test
    void growthAgainstABaselineImage(RealEnvironment env) throws Exception {
        ImageReference current = pushedHello(env);
        String registry = env.registry().hostPort();
        SyntheticImage.push(registry, "size/hello", "0.9.0", 1, 500_000, null, 42);
        RegistryClient client = client();
        ImageSize now = ImageSize.fromRegistry(client, current, false);
        ImageSize smallBaseline = ImageSize.fromRegistry(client, ImageReference.parse(registry + "/size/hello:0.9.0"), false);
        SizeGate.Limits tenPercent = SizeGate.Limits.none().withGrowth(GrowthLimit.parse("10%"));

        GateResult grew = SizeGate.evaluate(now, Optional.of(smallBaseline), tenPercent, OnBreach.UNSTABLE, 2);
        GateResult same = SizeGate.evaluate(now, Optional.of(now), tenPercent, OnBreach.UNSTABLE, 2);

        assertThat(smallBaseline.platforms().get(0).compressed()).isLessThan(now.platforms().get(0).compressed());
        assertThat(grew.outcome()).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(grew.breaches()).singleElement().asString().contains("grew").contains("10%");
        assertThat(grew.limit()).contains("size/hello:0.9.0");
        assertThat(same.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(same.measured()).contains("0.0% vs baseline");
    }

    @Test
    void anImageThatDoesNotExistIsAClearError(RealEnvironment env) {
        ImageReference missing = ImageReference.parse(env.registry().hostPort() + "/size/never-pushed:1.0.0");
        assertThatThrownBy(() -> ImageSize.fromRegistry(client(), missing))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("size/never-pushed:1.0.0")
            .hasMessageContaining("not found")
            .hasMessageContaining("push the image first");
    }

    private static long blobLength(RegistryClient client, ImageReference reference, String digest) throws InterruptedException {
        RegistryHttp.Call head = RegistryHttp.Call.head(reference.registry(), "/v2/" + reference.repository() + "/blobs/" + digest,
            List.of("repository:" + reference.repository() + ":pull"), Map.of());
        RegistryHttp.Response response = client.http().send(head);
        assertThat(response.status()).isEqualTo(200);
        return Long.parseLong(response.header("Content-Length").orElseThrow());
    }
}
