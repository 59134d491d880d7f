package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.operations.PushTagsSpec;

import java.util.Set;

/** The {@code pushTags} step's parameters and their mapping to {@link PushTagsSpec}; names as gocb push-tags' options. */
public final class PushTagsParameters {

    public static final String NAME = "pushTags";

    private static final Set<String> OWN = Set.of("image", "from", "context", "registryCredentialsId", "insecureRegistries");

    /** Every parameter of the step. */
    public static final Set<String> PARAMETERS = SharedParameters.union(OWN, SharedParameters.TAG_POLICY);

    private PushTagsParameters() {
    }

    public static StepCall<PushTagsSpec> call(StepArguments args, StepCredentials credentials, StepDefaults defaults) {
        args.requireKnown(PARAMETERS);
        for (String required : new String[] {"image", "from"}) {
            if (!args.has(required)) {
                throw new InvalidBuildRequestException(NAME + " needs " + required, "it adds tags to an image that is already pushed",
                    "call pushTags(image: img.image, from: img.candidate, tags: ['1.2.3']) with the result of goDockerBuild");
            }
        }
        if (args.strings("tags").isEmpty() && !args.has("context")) {
            throw new InvalidBuildRequestException(NAME + " was given no tags and no context",
                "the tags are either listed or computed from a git checkout", "add tags: ['stable'], or context: '.' to tag from git");
        }
        SharedParameters.SecretCollector secrets = new SharedParameters.SecretCollector();
        PushTagsSpec.Builder spec = PushTagsSpec.builder(args.string("image"), args.string("from"))
            .context(args.string("context"))
            .tagPolicy(SharedParameters.tagPolicy(args))
            .insecureRegistries(SharedParameters.insecureRegistries(args, defaults));
        credentials.registry().ifPresent(login -> spec.registryUser(login.username())
            .registryPasswordSecret(secrets.add(SharedParameters.REGISTRY_PASSWORD, login.password())));
        return new StepCall<>(spec.build(), secrets.secrets());
    }
}
