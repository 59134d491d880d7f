package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.buildkit.BuildctlDriver;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gates.GateResult;
import io.jenkins.plugins.gocontainer.gates.LintThresholds;
import io.jenkins.plugins.gocontainer.gates.OnBreach;
import io.jenkins.plugins.gocontainer.gates.QualityGates;
import io.jenkins.plugins.gocontainer.gates.SizeGate;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;
import io.jenkins.plugins.gocontainer.registry.RegistryHttp;
import io.jenkins.plugins.gocontainer.registry.RetryPolicy;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import io.jenkins.plugins.gocontainer.tags.OciLabels;
import io.jenkins.plugins.gocontainer.tags.TagRequest;
import io.jenkins.plugins.gocontainer.tags.TagSet;
import io.jenkins.plugins.gocontainer.tags.Tagger;
import io.jenkins.plugins.gocontainer.testing.ProjectLayout;
import io.jenkins.plugins.gocontainer.testing.RealEnvironment;
import io.jenkins.plugins.gocontainer.testing.RegistryProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A release build from a real git repository: one push under the candidate tag, every other tag by digest. */
@ExtendWith(RealEnvironment.Extension.class)
class TaggedBuildIT {

    @Test
    void aTaggedCommitGetsSemverBranchShaAndLatestTagsAllNamingOneDigest(RealEnvironment env) throws Exception {
        Path service = env.newDirectory("release-");
        copyExample(service);
        Instant commitTime = Instant.parse("2026-10-01T12:00:00Z");
        String commit;
        try (GitFixture git = GitFixture.init(service)) {
            commit = git.commit("release", commitTime);
            git.annotatedTag("v1.4.2");
            git.remote("origin", "https://ci-bot:glpat-secret-token@git.example.com/team/hello.git");
        }
        TagSet tags = new Tagger().compute(TagRequest.of(service).withEnvironment(Map.of("BRANCH_NAME", "main")));
        ImageReference repository = ImageReference.parse(env.registry().hostPort() + "/release/hello");
        BuildRequest base = BuildRequest.builder(service).namedContext(env.golangBase()).build();
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(TaggedBuild.candidateRequest(base, repository, tags, false));
        RegistryClient client = new RegistryClient(new RegistryHttp(r -> Optional.empty(), RetryPolicy.DEFAULT, Set.of()));

        TaggedBuild.Result result = new TaggedBuild(new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(SecretMasker.none(), System.getenv())),
            new TagPusher(client)).run(plan, repository, tags, line -> { });

        assertThat(result.candidateTag()).isEqualTo("sha-" + commit.substring(0, 7));
        assertThat(tags.tags()).contains("1.4.2", "1.4", "1", "main", "latest");
        for (String tag : Stream.concat(Stream.of(result.candidateTag()), tags.tags().stream()).toList()) {
            assertThat(RegistryProbe.manifest(env.registry(), "release/hello", tag).computedDigest()).as(tag).isEqualTo(result.build().digest());
        }
        assertThat(result.tags().orElseThrow().blobsCopied() + result.tags().orElseThrow().blobsMounted()).isZero();

        Map<String, Object> labels = imageLabels(env, "release/hello", result.build().configDigest().orElseThrow());
        assertThat(labels).containsEntry(OciLabels.VERSION, "1.4.2")
            .containsEntry(OciLabels.REVISION, commit)
            .containsEntry(OciLabels.CREATED, "2026-10-01T12:00:00Z")
            .containsEntry(OciLabels.SOURCE, "https://git.example.com/team/hello.git");
        assertThat(labels.toString()).doesNotContain("glpat-secret-token");
        String pinned = repository.withDigest(result.build().digest()).toString();
        assertThat(io.jenkins.plugins.gocontainer.testing.ImageRun.run(env, pinned, "/hello", "--version")).containsExactly("1.4.2");
    }

    @Test
    void aFailingLintGateKeepsTheCandidateAndWithholdsTheMovingTags(RealEnvironment env) throws Exception {
        Path service = env.newDirectory("gated-");
        copyExample(service);
        String commit;
        try (GitFixture git = GitFixture.init(service)) {
            commit = git.commit("release", Instant.parse("2026-10-02T12:00:00Z"));
            git.annotatedTag("v2.0.0");
        }
        Path report = Files.writeString(service.resolve("golangci-lint.json"),
            "{\"Issues\":[{\"FromLinter\":\"errcheck\",\"Text\":\"Error return value is not checked\",\"Severity\":\"\","
                + "\"Pos\":{\"Filename\":\"main.go\",\"Line\":30,\"Column\":2}}],\"Report\":{}}");
        TagSet tags = new Tagger().compute(TagRequest.of(service).withEnvironment(Map.of("BRANCH_NAME", "main")));
        ImageReference repository = ImageReference.parse(env.registry().hostPort() + "/gated/hello");
        BuildPlan plan = new BuildPlanner(java.nio.file.Path.of("").toAbsolutePath()).plan(TaggedBuild.candidateRequest(
            BuildRequest.builder(service).namedContext(env.golangBase()).build(), repository, tags, false));
        RegistryClient client = new RegistryClient(new RegistryHttp(r -> Optional.empty(), RetryPolicy.DEFAULT, Set.of()));
        QualityGates gates = new QualityGates(
            Optional.of(new QualityGates.SizeCheck(SizeGate.Limits.max(ByteSize.parse("50MB")), Optional.empty(), OnBreach.FAILED)),
            Optional.of(new QualityGates.LintCheck(report, LintThresholds.none().withMaxTotal(0), Optional.empty(), OnBreach.FAILED)));

        TaggedBuild.Result result = new TaggedBuild(new ImageBuilder(new BuildctlDriver(env.builder()), new CommandRunner(SecretMasker.none(), System.getenv())),
            new TagPusher(client)).run(plan, repository, tags, candidate -> Optional.of(gates.evaluate(client, candidate)), line -> { }, new java.util.LinkedHashMap<>());

        assertThat(result.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(result.gates().orElseThrow().gates()).extracting(GateResult::name, GateResult::outcome)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("lint", GateOutcome.FAILED), org.assertj.core.groups.Tuple.tuple(SizeGate.NAME, GateOutcome.PASSED));
        assertThat(RegistryProbe.manifest(env.registry(), "gated/hello", "sha-" + commit.substring(0, 7)).computedDigest())
            .isEqualTo(result.build().digest());
        for (String moving : List.of("2.0.0", "2.0", "2", "latest")) {
            assertThat(RegistryProbe.manifest(env.registry(), "gated/hello", moving).status()).as(moving).isEqualTo(404);
        }
        assertThat(result.withheld()).contains("2.0.0", "latest");
        assertThat(result.tags()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> imageLabels(RealEnvironment env, String repository, String configDigest) throws Exception {
        HttpResponse<String> config = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(env.registry().url() + "/v2/" + repository + "/blobs/" + configDigest)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> root = Json.parseObject(config.body());
        return (Map<String, Object>) ((Map<String, Object>) root.get("config")).get("Labels");
    }

    private static void copyExample(Path target) throws Exception {
        Path source = ProjectLayout.example("hello");
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }
}
