package io.jenkins.plugins.gocontainer.tags;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to compute tags for.
 *
 * @param directory      the build context; its repository is found by walking up
 * @param overrides      branch, git tag and pull request given explicitly; they win over the CI environment and git
 * @param requireSemver  fail unless the commit has a semantic-version tag, instead of noting it
 * @param title          {@code org.opencontainers.image.title}; the directory's name when empty
 * @param environment    the CI environment (CI variables, {@code SOURCE_DATE_EPOCH}); passed in, never read here
 */
public record TagRequest(Path directory, TagPolicy policy, BuildRef overrides, boolean requireSemver, Optional<String> title,
                         Map<String, String> environment) {

    public TagRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(overrides, "overrides");
        title = title.filter(text -> !text.isBlank());
        environment = Map.copyOf(environment);
    }

    /** The default policy, no overrides, an empty environment. */
    public static TagRequest of(Path directory) {
        return new TagRequest(directory, TagPolicy.defaults(), BuildRef.none(), false, Optional.empty(), Map.of());
    }

    public TagRequest withPolicy(TagPolicy newPolicy) {
        return new TagRequest(directory, newPolicy, overrides, requireSemver, title, environment);
    }

    public TagRequest withOverrides(BuildRef newOverrides) {
        return new TagRequest(directory, policy, newOverrides, requireSemver, title, environment);
    }

    public TagRequest withRequireSemver(boolean required) {
        return new TagRequest(directory, policy, overrides, required, title, environment);
    }

    public TagRequest withTitle(String newTitle) {
        return new TagRequest(directory, policy, overrides, requireSemver, Optional.ofNullable(newTitle), environment);
    }

    public TagRequest withEnvironment(Map<String, String> newEnvironment) {
        return new TagRequest(directory, policy, overrides, requireSemver, title, newEnvironment);
    }
}
