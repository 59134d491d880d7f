package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;

import java.io.IOException;
import java.util.List;

/**
 * {@code pushTags} / {@code gocb push-tags} in one call: adds literal tags, or the tags the policy
 * computes for a checkout, to an image already in a registry, by digest (the same manifest bytes),
 * mounting or copying blobs when it promotes to another repository or registry.
 */
public final class PushTags {

    public PushTagsResult run(PushTagsSpec spec, OperationContext context) throws IOException, InterruptedException {
        List<String> tags = spec.context() == null ? spec.tagPolicy().tags() : computed(spec, context);
        TagPusher pusher = new TagPusher(RegistryAccess.login(context, spec.registryUser(), spec.registryPasswordSecret(), spec.insecureRegistries()));
        return PushTagsResult.of(pusher.push(spec.source(), spec.image(), tags));
    }

    private static List<String> computed(PushTagsSpec spec, OperationContext context) {
        TagSet computed = new Tagger().compute(spec.tagPolicy().request(context.resolve(spec.context()), context.environment()));
        computed.notes().forEach(note -> context.note(note));
        return computed.tags();
    }
}
