package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.testing.LocalRegistry;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import io.jenkins.plugins.gocontainer.testing.SyntheticImage;
import io.jenkins.plugins.gocontainer.tags.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PushTags as the promotion step calls it: an image already in a registry gets tags in another
 * repository of the same registry (blobs mounted, nothing uploaded twice) and in another registry
 * (blobs copied), always naming the very same manifest digest.
 */
@ExtendWith(RealEnvironment.Extension.class)
class PushTagsIT {

    @Test
    void promotionToAnotherRepositoryTagsTheSameDigestAndIsIdempotent(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed source = SyntheticImage.push(registry, "promote/candidates", "sha-1234567", 2, 8192, null, 41);
        OperationContext context = context(env);
        PushTagsSpec spec = PushTagsSpec.builder(registry + "/promote/stable", registry + "/promote/candidates@" + source.digest())
            .tagPolicy(literal("stable", "1.0"))
            .build();

        PushTagsResult result = new PushTags().run(spec, context);

        assertThat(result.digest()).isEqualTo(source.digest());
        assertThat(result.image()).isEqualTo(registry + "/promote/stable");
        assertThat(result.refs()).containsExactlyInAnyOrder(registry + "/promote/stable:stable", registry + "/promote/stable:1.0");
        assertThat(result.tags()).extracting(PushTagsResult.Tag::tag, PushTagsResult.Tag::action)
            .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stable", "created"), org.assertj.core.groups.Tuple.tuple("1.0", "created"));
        for (String tag : List.of("stable", "1.0")) {
            assertThat(RegistryProbe.manifest(env.registry(), "promote/stable", tag).computedDigest()).as(tag).isEqualTo(source.digest());
        }
        assertThat(result.blobsMounted() + result.blobsCopied()).as("the source's blobs were made present in the target").isEqualTo(3);

        PushTagsResult again = new PushTags().run(spec, context);

        assertThat(again.tags()).extracting(PushTagsResult.Tag::action).containsOnly("unchanged");
        assertThat(again.digest()).isEqualTo(source.digest());
    }

    @Test
    void promotionToASecondRegistryCopiesTheContent(RealEnvironment env) throws Exception {
        String registry = env.registry().hostPort();
        SyntheticImage.Pushed source = SyntheticImage.push(registry, "promote/export", "sha-7654321", 2, 16384, null, 42);
        try (LocalRegistry second = LocalRegistry.start()) {
            PushTagsSpec spec = PushTagsSpec.builder(second.hostPort() + "/mirror/export", registry + "/promote/export:sha-7654321")
                .tagPolicy(literal("stable", "1.0"))
                .build();

            PushTagsResult result = new PushTags().run(spec, context(env));

            assertThat(result.digest()).isEqualTo(source.digest());
            assertThat(result.refs()).containsExactlyInAnyOrder(second.hostPort() + "/mirror/export:stable", second.hostPort() + "/mirror/export:1.0");
            assertThat(result.blobsCopied()).isEqualTo(3);
            assertThat(result.bytesSent()).isGreaterThan(2 * 16384L);
            for (String tag : List.of("stable", "1.0")) {
                assertThat(RegistryProbe.manifest(second, "mirror/export", tag).computedDigest()).as(tag).isEqualTo(source.digest());
            }
            for (String blob : source.blobDigests()) {
                assertThat(second.blobFile(blob)).as(blob).isRegularFile();
            }
        }
    }

    private static TagPolicySettings literal(String... tags) {
        return new TagPolicySettings(List.of(tags), Flavor.Latest.FALSE, "", false, "", false, false, null, null, null, null);
    }

    private static OperationContext context(RealEnvironment env) throws Exception {
        Path workspace = env.newDirectory("push-tags-");
        return OperationContext.of(workspace, OperationFixture.environment(workspace.resolve("home")), line -> { });
    }
}
