package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.operations.TagPolicySettings;
import io.jenkins.plugins.gocontainer.tags.Flavor;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The tag policy and what is being built: shared by {@code gocb tags} and {@code gocb build}. */
final class TagPolicyOptions {

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


    /** The policy as given; a rule that does not parse is refused here, with its fix. */
    TagPolicySettings settings() {
        return new TagPolicySettings(rules, Flavor.Latest.parse(latest), prefix, prefixOnLatest, suffix, suffixOnLatest, requireSemver, branch,
            gitTag, pullRequest, title);
    }
}
