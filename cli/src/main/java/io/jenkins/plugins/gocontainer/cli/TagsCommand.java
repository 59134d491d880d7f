package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code gocb tags}: the version, image tags and OCI labels of the commit being built. */
@Command(name = "tags", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Computes the version, image tags and OCI labels of the commit in DIR's git repository.",
        "Tag rules use docker/metadata-action's syntax; without --tag: semver {{version}}, {{major}}.{{minor}}, {{major}},"
            + " the branch, sha-<short>, and latest for releases.",
        "The branch, git tag or pull request comes from --branch/--git-tag/--pr, else from Jenkins, GitHub Actions or",
        "GitLab CI variables (CI checkouts leave HEAD detached), else from git; the tags at HEAD always count."})
final class TagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "a directory in the repository, e.g. the service's (default: .)")
    Path context;

    @Option(names = "--image", paramLabel = "REPO", description = "also print REPO:tag for every tag; repeatable")
    List<String> images = new ArrayList<>();

    @Mixin
    TagPolicyOptions policy;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private final Map<String, String> environment;

    TagsCommand() {
        this(System.getenv());
    }

    TagsCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TagSet result = new Tagger().compute(policy.settings().request(context.toAbsolutePath(), environment));
            List<String> references = new ArrayList<>();
            images.forEach(image -> references.addAll(result.imageReferences(image)));
            result.notes().forEach(note -> err.println("gocb: note: " + note));
            err.flush();
            print(result, references, out);
            return ExitCodes.OK;
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        }
    }

    private void print(TagSet result, List<String> references, PrintWriter out) {
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", result.version());
            json.put("tags", result.tags());
            if (!images.isEmpty()) {
                json.put("refs", references);
            }
            json.put("labels", result.labels().values());
            json.put("notes", result.notes());
            out.println(Json.write(json));
        } else {
            out.println("version: " + result.version());
            out.println("tags:");
            result.tags().forEach(tag -> out.println("  " + tag));
            if (!images.isEmpty()) {
                out.println("refs:");
                references.forEach(reference -> out.println("  " + reference));
            }
            out.println("labels:");
            result.labels().values().forEach((key, value) -> out.println("  " + key + "=" + value));
        }
        out.flush();
    }
}
