package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GrowthLimit;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.operations.GateSettings;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.util.Map;
import java.util.Set;

/**
 * The {@code goDockerBuild} step's parameters, their defaults and their mapping to
 * {@link GoDockerBuildSpec}: everything about the step that needs no Jenkins, so that the CLI's
 * tests cover it. Parameter names are gocb build's long options in camelCase.
 */
public final class GoDockerBuildParameters {

    public static final String NAME = "goDockerBuild";

    private static final Set<String> OWN = Set.of("context", "dockerfile", "mainPackage", "image", "ociArchive", "appVersion", "ldflagsVars", "target",
        "engine", "buildArgs", "platforms", "labels", "baseImages", "addHosts", "insecureRegistries", "cache", "moduleCache", "vendored", "noCache",
        "goBuildCache", "cacheStore", "metadataFile", "registryCredentialsId", "maxImageSize", "maxImageGrowth", "sizeBaseline",
        "uncompressedSize", "lintReport", "maxLintIssues", "onBreach", "gateJson", "junit", "failOnGate");

    /** Every parameter of the step. */
    public static final Set<String> PARAMETERS = SharedParameters.union(OWN, SharedParameters.PRIVATE_MODULES, SharedParameters.BUILDER,
        SharedParameters.TAG_POLICY);

    private GoDockerBuildParameters() {
    }

    /**
     * The specification and secrets these arguments describe, for a build with {@code environment};
     * a bad argument is refused with its name before anything runs.
     */
    public static StepCall<GoDockerBuildSpec> call(StepArguments args, StepCredentials credentials, StepDefaults defaults,
                                                   Map<String, String> environment) {
        args.requireKnown(PARAMETERS);
        if (args.has("registryCredentialsId") != credentials.registry().isPresent()) {
            throw new IllegalStateException("registryCredentialsId and the resolved registry login disagree");
        }
        SharedParameters.SecretCollector secrets = new SharedParameters.SecretCollector();
        GoDockerBuildSpec.Builder spec = GoDockerBuildSpec.builder()
            .context(args.string("context"))
            .dockerfile(args.string("dockerfile"))
            .mainPackage(args.string("mainPackage"))
            .images(args.strings("image"))
            .ociArchive(args.string("ociArchive"))
            .appVersion(args.string("appVersion"))
            .ldflagsVars(args.strings("ldflagsVars"))
            .target(args.string("target"))
            .engine(args.string("engine"))
            .buildArgs(args.map("buildArgs"))
            .platforms(args.strings("platforms"))
            .labels(args.map("labels"))
            .insecureRegistries(SharedParameters.insecureRegistries(args, defaults))
            .moduleCache(args.string("moduleCache"))
            .vendored(args.flag("vendored"))
            .noCache(args.flag("noCache"))
            .goBuildCache(args.string("goBuildCache"))
            .cacheStore(SharedParameters.or(args, "cacheStore", defaults.cacheStore()))
            .metadataFile(args.string("metadataFile"))
            .privateModules(SharedParameters.privateModules(args, credentials, secrets, environment))
            .buildkit(SharedParameters.builder(args, defaults))
            .tagPolicy(SharedParameters.tagPolicy(args))
            .gates(gates(args, defaults));
        if (args.has("baseImages")) {
            args.strings("baseImages").forEach(spec::baseImage);
        } else {
            defaults.baseImages().forEach(spec::defaultBaseImage);
        }
        args.strings("addHosts").forEach(spec::addHost);
        args.strings("cache").forEach(spec::cache);
        credentials.registry().ifPresent(login -> spec.registryLogin(login.username(), secrets.add(SharedParameters.REGISTRY_PASSWORD, login.password())));
        return new StepCall<>(spec.build(), secrets.secrets());
    }

    /** {@code failOnGate}: true unless the pipeline asked to decide on the gates itself. */
    public static boolean failOnGate(StepArguments args) {
        return args.optionalFlag("failOnGate").orElse(true);
    }

    private static GateSettings gates(StepArguments args, StepDefaults defaults) {
        String maxImageSize = SharedParameters.or(args, "maxImageSize", defaults.maxImageSize());
        OnBreach onBreach = args.has("onBreach") ? OnBreach.parse(args.string("onBreach")) : OnBreach.FAILED;
        GateSettings gates = new GateSettings(maxImageSize == null ? null : ByteSize.parse(maxImageSize), Map.of(),
            args.has("maxImageGrowth") ? GrowthLimit.parse(args.string("maxImageGrowth")) : null,
            args.has("sizeBaseline") ? ImageReference.parse(args.string("sizeBaseline")) : null, args.flag("uncompressedSize"), onBreach,
            args.string("lintReport"), args.integer("maxLintIssues"), Map.of(), Map.of(), null, onBreach, args.string("gateJson"),
            args.string("junit"));
        if (args.has("onBreach") && gates.isEmpty()) {
            throw new InvalidBuildRequestException(NAME + ": onBreach was given without a gate",
                "it says what a breached size or lint gate does", "add maxImageSize or lintReport, or drop onBreach");
        }
        if (args.has("failOnGate") && gates.isEmpty()) {
            throw new InvalidBuildRequestException(NAME + ": failOnGate was given without a gate",
                "it says whether a failed gate fails the step", "add maxImageSize or lintReport, or drop failOnGate");
        }
        return gates;
    }
}
