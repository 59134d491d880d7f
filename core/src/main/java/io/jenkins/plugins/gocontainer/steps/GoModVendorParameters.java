package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.operations.GoModVendorSpec;

import java.util.Map;
import java.util.Set;

/** The {@code goModVendor} step's parameters and their mapping to {@link GoModVendorSpec}; names as gocb vendor's options. */
public final class GoModVendorParameters {

    public static final String NAME = "goModVendor";

    private static final Set<String> OWN = Set.of("context", "mode", "moduleCache", "go", "cacheStore", "insecureRegistries");

    /** Every parameter of the step. */
    public static final Set<String> PARAMETERS = SharedParameters.union(OWN, SharedParameters.PRIVATE_MODULES);

    private GoModVendorParameters() {
    }

    public static StepCall<GoModVendorSpec> call(StepArguments args, StepCredentials credentials, StepDefaults defaults,
                                                 Map<String, String> environment) {
        args.requireKnown(PARAMETERS);
        SharedParameters.SecretCollector secrets = new SharedParameters.SecretCollector();
        GoModVendorSpec.Builder spec = GoModVendorSpec.builder()
            .context(args.string("context"))
            .moduleCache(args.string("moduleCache"))
            .go(args.string("go"))
            .insecureRegistries(SharedParameters.insecureRegistries(args, defaults))
            .privateModules(SharedParameters.privateModules(args, credentials, secrets, environment));
        GoModMode mode = args.has("mode") ? GoModMode.parse(args.string("mode")) : GoModMode.DEFAULT;
        spec.mode(mode);
        // The global cache store applies to download mode, the only mode that has a module cache to keep.
        String cacheStore = args.string("cacheStore");
        if (cacheStore == null && mode == GoModMode.DOWNLOAD) {
            cacheStore = defaults.cacheStore();
        }
        spec.cacheStore(cacheStore);
        return new StepCall<>(spec.build(), secrets.secrets());
    }
}
