package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.tags.BuildRef;
import io.jenkins.plugins.gocontainer.tags.Flavor;
import io.jenkins.plugins.gocontainer.tags.TagPolicy;
import io.jenkins.plugins.gocontainer.tags.TagRequest;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tag policy (docker/metadata-action's rules and flavor) and what is being built. The rules
 * are checked when the settings are made, so a bad rule is reported before anything runs.
 *
 * @param branch, gitTag, pullRequest what is built, instead of the CI variables of the environment or git
 */
public record TagPolicySettings(List<String> tags, Flavor.Latest latest, String prefix, boolean prefixOnLatest, String suffix,
                                boolean suffixOnLatest, boolean requireSemver, String branch, String gitTag, String pullRequest, String title)
    implements Serializable {

    private static final long serialVersionUID = 1L;

    public TagPolicySettings {
        tags = List.copyOf(tags);
        latest = latest == null ? Flavor.Latest.AUTO : latest;
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        if (tags.stream().anyMatch(rule -> rule.contains("="))) {
            policy(tags, flavor(latest, prefix, prefixOnLatest, suffix, suffixOnLatest)); // a rule that does not parse is refused here
        }
    }

    public static TagPolicySettings defaults() {
        return new TagPolicySettings(List.of(), Flavor.Latest.AUTO, "", false, "", false, false, null, null, null, null);
    }

    private static Flavor flavor(Flavor.Latest latest, String prefix, boolean prefixOnLatest, String suffix, boolean suffixOnLatest) {
        return Flavor.defaults().withLatest(latest).withPrefix(prefix, prefixOnLatest).withSuffix(suffix, suffixOnLatest);
    }

    private static TagPolicy policy(List<String> rules, Flavor flavor) {
        return TagPolicy.of(rules, flavor);
    }

    /** The tag request for the git repository around {@code directory}, with the CI variables of {@code environment}. */
    public TagRequest request(Path directory, Map<String, String> environment) {
        return TagRequest.of(directory)
            .withPolicy(policy(tags, flavor(latest, prefix, prefixOnLatest, suffix, suffixOnLatest)))
            .withOverrides(BuildRef.of(branch, gitTag, pullRequest))
            .withRequireSemver(requireSemver)
            .withTitle(title)
            .withEnvironment(environment);
    }
}
