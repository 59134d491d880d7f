package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * What {@link PushTags} is asked to do: every setting of {@code gocb push-tags} and of the
 * {@code pushTags} step. Immutable and serializable.
 *
 * @param image   the repository to tag in
 * @param from    what to tag: a digest or tag in {@code image}, or a full reference elsewhere
 * @param context a git checkout: the tags are then computed from it and {@code tagPolicy}; without
 *                it every entry of the policy's {@code tags} is a literal tag
 * @param registryPasswordSecret the name of the secret (or environment variable) holding the password for {@code registryUser}
 */
public record PushTagsSpec(ImageReference image, String from, String context, TagPolicySettings tagPolicy, String registryUser,
                           String registryPasswordSecret, List<String> insecureRegistries) implements Serializable {

    private static final long serialVersionUID = 1L;

    public PushTagsSpec {
        Objects.requireNonNull(image, "image");
        image = image.repositoryOnly();
        if (from == null || from.isBlank()) {
            throw new InvalidBuildRequestException("push-tags needs " + setting("from"), "it adds tags to an image that is already pushed",
                "give " + setting("from") + " the candidate tag (sha-abc1234), a digest or a full reference");
        }
        tagPolicy = tagPolicy == null ? TagPolicySettings.defaults() : tagPolicy;
        insecureRegistries = List.copyOf(insecureRegistries);
        if (context == null) {
            for (String tag : tagPolicy.tags()) {
                if (tag.contains("=")) {
                    throw new InvalidBuildRequestException(setting("tags") + " " + tag + " is a tag rule, but no " + setting("context") + " was given",
                        "rules are evaluated against a git repository", "add " + setting("context") + " DIR, or pass literal tags");
                }
            }
        }
    }

    /** The image to tag: a digest or tag of {@code image}, or a reference elsewhere. */
    public ImageReference source() {
        if (Digests.isDigest(from)) {
            return image.withDigest(from);
        }
        if (from.contains("/") || from.contains("@")) {
            return ImageReference.parse(from);
        }
        return image.withTag(from);
    }

    public static Builder builder(String image, String from) {
        return new Builder(image, from);
    }

    /** Collects a specification. */
    public static final class Builder {
        private final ImageReference image;
        private final String from;
        private String context;
        private TagPolicySettings tagPolicy = TagPolicySettings.defaults();
        private String registryUser;
        private String registryPasswordSecret;
        private final List<String> insecureRegistries = new ArrayList<>();

        private Builder(String image, String from) {
            this.image = ImageReference.parse(Objects.requireNonNull(image, "image"));
            this.from = from;
        }

        public Builder context(String value) {
            context = value;
            return this;
        }

        public Builder tagPolicy(TagPolicySettings value) {
            tagPolicy = Objects.requireNonNull(value, "tagPolicy");
            return this;
        }

        public Builder registryUser(String value) {
            registryUser = value;
            return this;
        }

        public Builder registryPasswordSecret(String value) {
            registryPasswordSecret = value;
            return this;
        }

        public Builder insecureRegistries(List<String> values) {
            insecureRegistries.addAll(values);
            return this;
        }

        public PushTagsSpec build() {
            return new PushTagsSpec(image, from, context, tagPolicy, registryUser, registryPasswordSecret, insecureRegistries);
        }
    }
}
