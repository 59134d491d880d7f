package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.tags.BuildRef;
import io.jenkins.plugins.gocontainer.tags.Flavor;
import io.jenkins.plugins.gocontainer.tags.InvalidDockerTagException;
import io.jenkins.plugins.gocontainer.tags.InvalidTagRuleException;
import io.jenkins.plugins.gocontainer.tags.NotAGitRepositoryException;
import io.jenkins.plugins.gocontainer.tags.TagPolicy;
import io.jenkins.plugins.gocontainer.tags.TagRequest;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;
import picocli.CommandLine.Command;
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

    @Option(names = "--tag", paramLabel = "RULE", description = "tag rule, e.g. type=semver,pattern={{major}}.{{minor}} or type=sha,format=long; repeatable")
    List<String> rules = new ArrayList<>();

    @Option(names = "--latest", paramLabel = "auto|true|false", defaultValue = "auto",
        description = "add 'latest': auto = for release versions and git tags (default: ${DEFAULT-VALUE})")
    String latest;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "", description = "prefix for every tag whose rule sets none")
    String prefix;

    @Option(names = "--prefix-on-latest", description = "apply --prefix to 'latest' too")
    boolean prefixOnLatest;

    @Option(names = "--suffix", paramLabel = "S", defaultValue = "", description = "suffix for every tag whose rule sets none")
    String suffix;

    @Option(names = "--suffix-on-latest", description = "apply --suffix to 'latest' too")
    boolean suffixOnLatest;

    @Option(names = "--require-semver", description = "fail unless the commit has a semantic-version tag (release pipelines)")
    boolean requireSemver;

    @Option(names = "--branch", paramLabel = "B", description = "the branch being built (instead of the CI environment or git)")
    String branch;

    @Option(names = "--git-tag", paramLabel = "T", description = "the git tag being built (instead of the CI environment or git)")
    String gitTag;

    @Option(names = "--pr", paramLabel = "N", description = "the pull request being built (instead of the CI environment)")
    String pullRequest;

    @Option(names = "--title", paramLabel = "TITLE", description = "org.opencontainers.image.title (default: the directory's name)")
    String title;

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
        // JGit logs through SLF4J, which the CLI does not bind; without this it warns about that on every run.
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "ERROR"));
        try {
            Flavor flavor = Flavor.defaults().withLatest(Flavor.Latest.parse(latest))
                .withPrefix(prefix, prefixOnLatest)
                .withSuffix(suffix, suffixOnLatest);
            TagRequest request = TagRequest.of(context)
                .withPolicy(TagPolicy.of(rules, flavor))
                .withOverrides(BuildRef.of(branch, gitTag, pullRequest))
                .withRequireSemver(requireSemver)
                .withTitle(title)
                .withEnvironment(environment);
            TagSet result = new Tagger().compute(request);
            List<String> references = new ArrayList<>();
            images.forEach(image -> references.addAll(result.imageReferences(image)));
            result.notes().forEach(note -> err.println("gocb: note: " + note));
            err.flush();
            print(result, references, out);
            return ExitCodes.OK;
        } catch (GocbException e) {
            int exitCode = ErrorReporter.report(e, format, out, err);
            boolean badInput = e instanceof InvalidTagRuleException || e instanceof InvalidDockerTagException || e instanceof NotAGitRepositoryException;
            return badInput ? ExitCodes.INVALID_INPUT : exitCode;
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
