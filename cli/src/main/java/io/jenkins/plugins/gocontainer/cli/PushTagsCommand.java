package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.Digests;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RetagResult;
import io.jenkins.plugins.gocontainer.registry.TagOutcome;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ImageReference target = ImageReference.parse(image).repositoryOnly();
            ImageReference source = source(target);
            List<String> tags = tags(err);
            RetagResult result = Cancellation.runCancellable(
                () -> new TagPusher(registry.client(System.getenv())).push(source, target, tags));
            print(result, out);
            return ExitCodes.OK;
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        } catch (IOException e) {
            return ErrorReporter.report(new GocbException("push-tags failed: " + e.getMessage(), "an input/output error on this machine", "check free disk space"), format, out, err);
        } catch (InterruptedException e) {
            err.println("gocb: push-tags cancelled; run it again to finish (it skips tags already in place)");
            return ExitCodes.INTERRUPTED;
        }
    }

    /** Literal tags, or the policy's tags for the commit in --context. */
    private List<String> tags(PrintWriter err) {
        if (context == null) {
            for (String tag : policy.rules) {
                if (tag.contains("=")) {
                    throw new InvalidBuildRequestException("--tag " + tag + " is a tag rule, but no --context was given",
                        "rules are evaluated against a git repository", "add --context DIR, or pass literal tags");
                }
            }
            return policy.rules;
        }
        TagSet computed = new Tagger().compute(policy.request(context, System.getenv()));
        computed.notes().forEach(note -> err.println("gocb: note: " + note));
        return computed.tags();
    }

    private ImageReference source(ImageReference target) {
        if (Digests.isDigest(from)) {
            return target.withDigest(from);
        }
        if (from.contains("/") || from.contains("@")) {
            return ImageReference.parse(from);
        }
        return target.withTag(from);
    }

    private void print(RetagResult result, PrintWriter out) {
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", result.target().toString());
            json.put("digest", result.digest());
            json.put("mediaType", result.mediaType());
            json.put("tags", result.tags().stream().map(PushTagsCommand::outcome).toList());
            json.put("refs", result.references().stream().map(ImageReference::toString).toList());
            json.put("blobsMounted", result.blobsMounted());
            json.put("blobsCopied", result.blobsCopied());
            json.put("bytesSent", result.bytesSent());
            out.println(Json.write(json));
        } else {
            for (TagOutcome tag : result.tags()) {
                out.printf("%-9s %s:%s%n", tag.action().name().toLowerCase(), result.target(), tag.tag());
            }
            out.printf("all %d tags point at %s%n", result.tags().size(), result.digest());
        }
        out.flush();
    }

    private static Map<String, Object> outcome(TagOutcome tag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tag", tag.tag());
        json.put("action", tag.action().name().toLowerCase());
        json.put("previousDigest", tag.previousDigest().orElse(null));
        return json;
    }
}
