package io.jenkins.plugins.gocontainer.tags;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of docker/metadata-action's {@code __tests__/meta.test.ts} that use only what gocb supports
 * (rule types semver, sha, ref, raw and edge; no schedule, pep440, match or {{date}} expressions). Each row
 * keeps the vector's name, its fixture's GITHUB_REF and GITHUB_SHA, its tags and flavor inputs, and the tag
 * names it expects (the part after "image:" of the first image). The GITHUB_REF goes through
 * {@link CiEnvironment#detect}, as in a real GitHub Actions run. The repository fixture's default branch is
 * {@code master}. Where a vector also has a pep440 or match rule that makes no tag (or only a duplicate) for
 * that ref, the rule is left out and the row says so.
 */
class MetadataActionVectorsTest {

    private static final String SHA_DEV = "860c1904a1ce19322e91ac35af1ab07466440c37";
    private static final String SHA_MASTER = "266574110acf203503badf966df2ea24b5d732d7";
    private static final String SHA_INVALID_CHARS = "983315b5e8d46e46fc4c49869e85e7ee5fb289ba";
    private static final String SHA_PR = "a9c8c5828b91be19d9728548b24759e352367ef1";

    /** metadata-action's default tags input, without type=schedule (which only reacts to schedule events). */
    private static final List<String> METADATA_ACTION_DEFAULT = List.of("type=ref,event=branch", "type=ref,event=tag", "type=ref,event=pr");

    static Stream<Arguments> vectors() {
        return Stream.of(
            row("push01", "refs/heads/dev", SHA_DEV, METADATA_ACTION_DEFAULT, List.of(), List.of("dev")),
            row("push02", "refs/heads/master", SHA_MASTER, List.of("type=edge"), List.of(), List.of("edge")),
            row("push03", "refs/heads/master", SHA_MASTER, METADATA_ACTION_DEFAULT, List.of(), List.of("master")),
            row("push04", "refs/heads/master", SHA_DEV, List.of("type=edge"), List.of(), List.of("edge")),
            row("push07", "refs/heads/dev", SHA_DEV, List.of("type=ref,event=branch", "type=sha"), List.of(), List.of("dev", "sha-860c190")),
            row("push08", "refs/heads/master", SHA_MASTER, List.of("type=edge", "type=sha"), List.of(), List.of("edge", "sha-2665741")),
            row("push09", "refs/heads/dev", SHA_DEV, List.of("type=edge,branch=dev", "type=sha"), List.of(), List.of("edge", "sha-860c190")),
            row("push10", "refs/heads/master", SHA_MASTER, List.of("type=edge,branch=dev", "type=sha"), List.of(), List.of("sha-2665741")),
            row("push11", "refs/heads/my/feature#1245", SHA_INVALID_CHARS, List.of("type=edge", "type=sha"), List.of(), List.of("sha-983315b")),
            // push12 also has type=pep440,pattern={{version}}, which makes nothing on a branch either.
            row("push12", "refs/heads/my/feature#1245", SHA_INVALID_CHARS, List.of("type=semver,pattern={{version}}", "type=edge"), List.of(), List.of()),
            row("push13", "refs/heads/master", SHA_MASTER, List.of("type=ref,priority=2000,event=branch", "type=edge"), List.of(), List.of("master", "edge")),
            // push14 also has type=pep440,pattern={{version}},value=v1.2.3, which makes the same 1.2.3.
            row("push14", "refs/heads/master", SHA_MASTER, List.of("type=semver,pattern={{version}},value=v1.2.3", "type=edge"), List.of(),
                List.of("1.2.3", "edge", "latest")),
            row("push18", "refs/heads/dev", SHA_DEV, List.of("type=ref,event=branch", "type=sha,format=long"), List.of(), List.of("dev", "sha-" + SHA_DEV)),
            row("push20", "refs/heads/dev", SHA_DEV, List.of("type=edge,branch=master", "type=ref,event=branch,enable=false", "type=sha,format=long"), List.of(),
                List.of("sha-" + SHA_DEV)),
            // push35 also has the same rule as type=pep440, which makes the same 1.2.3.
            row("push35", "refs/heads/master", SHA_MASTER, List.of("type=semver,pattern={{version}},value=p1/v1.2.3,\"match=v(\\d.\\d.\\d)$\"", "type=edge"), List.of(),
                List.of("1.2.3", "edge", "latest")),
            row("tag01", "refs/tags/release1", SHA_DEV, METADATA_ACTION_DEFAULT, List.of(), List.of("release1", "latest")),
            row("tag02", "refs/tags/20200110-RC2", SHA_DEV, METADATA_ACTION_DEFAULT, List.of(), List.of("20200110-RC2", "latest")),
            row("tag11", "refs/tags/v1.1.1", SHA_DEV, List.of("type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}", "type=semver,pattern={{major}}"),
                List.of(), List.of("1.1.1", "1.1", "1", "latest")),
            row("tag12", "refs/tags/v1.1.1", SHA_DEV, List.of("type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}.{{patch}}"), List.of(),
                List.of("1.1.1", "latest")),
            row("tag13", "refs/tags/v2.0.8-beta.67", SHA_DEV, List.of("type=semver,pattern={{major}}.{{minor}}", "type=semver,pattern={{major}}"), List.of(),
                List.of("2.0.8-beta.67")),
            row("tag14", "refs/tags/sometag", SHA_DEV, List.of("type=ref,event=tag", "type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}",
                "type=semver,pattern={{major}}"), List.of("latest=false"), List.of("sometag")),
            row("tag16", "refs/tags/v1.1.1", SHA_DEV, List.of("type=raw,priority=2000,foo", "type=ref,event=tag", "type=edge"), List.of(), List.of("foo", "v1.1.1")),
            row("tag21", "refs/tags/v1.1.1", SHA_DEV, List.of("type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}.{{patch}}"),
                List.of("suffix=-dev,onlatest=true"), List.of("1.1.1-dev", "latest-dev")),
            row("tag22", "refs/tags/v1.1.1", SHA_DEV, List.of("type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}.{{patch}}"),
                List.of("prefix=foo-,onlatest=true", "suffix=-dev,onlatest=true"), List.of("foo-1.1.1-dev", "foo-latest-dev")),
            row("tag31", "refs/tags/v2.0.8-beta.67", SHA_DEV, List.of("type=semver,pattern={{raw}}"), List.of(), List.of("v2.0.8-beta.67")),
            row("tag34", "refs/tags/p1/v1.0.0", SHA_DEV, List.of("type=semver,pattern={{version}},\"match=v(\\d.\\d.\\d)$\""), List.of(), List.of("1.0.0", "latest")),
            row("latest05", "refs/tags/v1.1.1", SHA_DEV, METADATA_ACTION_DEFAULT, List.of(), List.of("v1.1.1", "latest")),
            row("latest07", "refs/tags/v1.1.1", SHA_DEV, List.of("type=ref,event=tag"), List.of("latest=false"), List.of("v1.1.1")),
            row("pr01", "refs/pull/15/merge", SHA_PR, METADATA_ACTION_DEFAULT, List.of(), List.of("pr-15")),
            row("pr03", "refs/pull/15/merge", SHA_PR, List.of("type=ref,event=pr", "type=sha"), List.of(), List.of("pr-15", "sha-a9c8c58")),
            row("pr04", "refs/pull/15/merge", SHA_PR, List.of("type=sha,priority=2000", "type=ref,event=pr"), List.of(), List.of("sha-a9c8c58", "pr-15")),
            row("pr05", "refs/pull/15/merge", SHA_PR, List.of("type=ref,event=pr"), List.of("prefix=glo-", "suffix=-bal"), List.of("pr-15-bal")),
            row("pr06", "refs/pull/15/merge", SHA_PR, List.of("type=ref,event=pr,prefix="), List.of("prefix=glo-", "suffix=-bal"), List.of("15-bal")),
            row("raw01", "refs/heads/dev", SHA_DEV, List.of("type=ref,event=branch", "type=raw,my", "type=raw,custom", "type=raw,tags"), List.of(),
                List.of("dev", "my", "custom", "tags")),
            row("raw02", "refs/heads/dev", SHA_DEV, List.of("type=ref,event=branch", "type=raw,my"), List.of(), List.of("dev", "my")),
            row("raw03", "refs/tags/release1", SHA_DEV, List.of("type=ref,event=tag", "type=raw,my", "type=raw,custom", "type=raw,tags"), List.of(),
                List.of("release1", "my", "custom", "tags", "latest")),
            row("raw05", "refs/tags/v1.1.1", SHA_DEV, List.of("type=semver,pattern={{version}}", "type=semver,pattern={{major}}.{{minor}}", "type=semver,pattern={{major}}",
                "type=raw,my", "type=raw,custom", "type=raw,tags"), List.of(), List.of("1.1.1", "1.1", "1", "my", "custom", "tags", "latest")),
            row("raw06", "refs/tags/v1.1.1", SHA_DEV, List.of("type=raw,my", "type=raw,custom", "type=raw,tags"), List.of(), List.of("my", "custom", "tags")),
            row("raw07", "refs/heads/dev", SHA_DEV, List.of("type=ref,priority=90,event=branch", "type=raw,my", "type=raw,custom", "type=raw,tags"), List.of("latest=true"),
                List.of("my", "custom", "tags", "dev", "latest")),
            // raw08 and raw09 also have type=match,pattern=\d{8}, which makes nothing on a branch.
            row("raw08", "refs/heads/dev", SHA_DEV, List.of("type=raw,my", "type=raw,custom", "type=raw,tags"), List.of("latest=false"), List.of("my", "custom", "tags")),
            row("raw09", "refs/heads/dev", SHA_DEV, List.of("type=raw,my,prefix=foo-,suffix=-bar", "type=raw,custom", "type=raw,tags"),
                List.of("latest=false", "prefix=glo-", "suffix=-bal"), List.of("foo-my-bar", "glo-custom-bal", "glo-tags-bal")),
            row("raw10", "refs/heads/dev", SHA_DEV, List.of("type=raw,foo", "type=raw,bar,enable=false", "type=raw,baz,enable=true"), List.of("latest=false"),
                List.of("foo", "baz")));
    }

    private static Arguments row(String name, String githubRef, String sha, List<String> rules, List<String> flavor, List<String> expected) {
        return Arguments.of(name, githubRef, sha, rules, flavor, expected);
    }

    @ParameterizedTest(name = "{0}: {1} {3} {4}")
    @MethodSource("vectors")
    void producesTheTagsMetadataActionProduces(String name, String githubRef, String sha, List<String> rules, List<String> flavor, List<String> expected) {
        CiEnvironment github = CiEnvironment.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", githubRef, "GITHUB_SHA", sha));
        TagPolicy policy = new TagPolicy(TagRuleParser.parseAll(rules), Flavor.parse(flavor));

        PolicyResult result = policy.evaluate(new TagInputs(sha, github.ref(), Optional.of("master")));

        assertThat(result.tags()).as(name).containsExactlyElementsOf(expected);
    }
}
