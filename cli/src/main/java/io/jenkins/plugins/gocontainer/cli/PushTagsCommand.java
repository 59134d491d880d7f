package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.operations.PushTags;
import io.jenkins.plugins.gocontainer.operations.PushTagsResult;
import io.jenkins.plugins.gocontainer.operations.PushTagsSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gocb push-tags}: adds tags to an already pushed image without rebuilding or re-uploading it. */
@Command(name = "push-tags", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Adds tags to an image already in a registry, by digest, without rebuilding or re-uploading layers.",
        "Every tag gets the source's exact manifest, so it has the same digest. Also promotes to another repository or registry."})
final class PushTagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--image"}, required = true, paramLabel = "REPO", description = "the repository to tag in, e.g. registry.example.com/team/app")
    String image;

    @Option(names = "--from", required = true, paramLabel = "SOURCE",
        description = "what to tag: a digest (sha256:...) or tag in --image, or a full reference in another repository or registry")
    String from;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR",
        description = "compute the tags from this git repository and the tag policy (--tag rules, --latest, ...); without it, each --tag is a literal tag")
    Path context;

    @Mixin
    TagPolicyOptions policy;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private final Map<String, String> environment;

    PushTagsCommand() {
        this(System.getenv());
    }

    /** @param environment where CI variables (BRANCH_NAME, TAG_NAME) and registry passwords are read */
    PushTagsCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        return OperationCall.run(spec, format, false, environment, "push-tags cancelled; run it again to finish (it skips tags already in place)",
            (operation, out, err) -> {
                PushTagsSpec push = PushTagsSpec.builder(image, from)
                    .context(BuilderOptions.text(context))
                    .tagPolicy(policy.settings())
                    .registryUser(registry.user)
                    .registryPasswordSecret(registry.passwordVariable)
                    .insecureRegistries(registry.insecure.hosts)
                    .build();
                print(new PushTags().run(push, operation), out);
                return ExitCodes.OK;
            });
    }

    private void print(PushTagsResult result, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.println(Json.write(result.toMap()));
        } else {
            for (PushTagsResult.Tag tag : result.tags()) {
                out.printf("%-9s %s:%s%n", tag.action(), result.image(), tag.tag());
            }
            out.printf("all %d tags point at %s%n", result.tags().size(), result.digest());
        }
        out.flush();
    }
}
