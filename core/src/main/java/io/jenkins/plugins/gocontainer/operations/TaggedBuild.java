package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.BuildRequest;
import io.jenkins.plugins.gocontainer.buildkit.BuildResult;
import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.gates.GateOutcome;
import io.jenkins.plugins.gocontainer.gates.GateReport;
import io.jenkins.plugins.gocontainer.gates.GateReportTable;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RetagResult;
import io.jenkins.plugins.gocontainer.registry.TagPusher;
import io.jenkins.plugins.gocontainer.tags.OciLabels;
import io.jenkins.plugins.gocontainer.tags.TagSet;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release build of one repository: the engine pushes the image once, under its immutable candidate
 * tag ({@code sha-<short commit>}), and every other tag of the {@link TagSet} is then added by digest
 * through {@link TagPusher}, so all tags provably name the same bytes and no layer is sent twice.
 * Quality gates judge the candidate between the two steps: when one fails, the candidate stays and
 * the moving tags (semver, latest, branch) are not added.
 */
public final class TaggedBuild {

    public static final String CANDIDATE_PREFIX = "sha-";
    private static final int SHORT_SHA = 7;

    /**
     * What a tagged build produced. {@code tags} is empty when the policy named no tag besides the
     * candidate, or when a gate failed: then {@code withheld} lists the tags that were not added.
     */
    public record Result(BuildResult build, String candidateTag, Optional<RetagResult> tags, TagSet tagSet,
                         Optional<GateReport> gates, List<String> withheld) {

        public Result {
            withheld = List.copyOf(withheld);
        }

        public GateOutcome outcome() {
            return gates.map(GateReport::outcome).orElse(GateOutcome.PASSED);
        }
    }

    /** Judges the pushed candidate (by digest) before any moving tag names it. */
    @FunctionalInterface
    public interface GateCheck {
        Optional<GateReport> check(ImageReference candidate) throws InterruptedException;

        static GateCheck none() {
            return candidate -> Optional.empty();
        }
    }

    private final ImageEngine engine;
    private final TagPusher pusher;

    public TaggedBuild(ImageBuilder builder, TagPusher pusher) {
        this(builder::build, pusher);
    }

    public TaggedBuild(ImageEngine engine, TagPusher pusher) {
        this.engine = engine;
        this.pusher = pusher;
    }

    /** The candidate tag for a tag set: the short commit, marked when the tree was dirty. */
    public static String candidateTag(TagSet tags) {
        String revision = tags.labels().get(OciLabels.REVISION).orElseThrow(() -> new IllegalArgumentException("tag set without revision"));
        boolean dirty = tags.version().contains("dirty");
        return CANDIDATE_PREFIX + revision.substring(0, Math.min(SHORT_SHA, revision.length())) + (dirty ? "-dirty" : "");
    }

    /**
     * The request a tagged build runs: pushed under the candidate tag only, with the tag set's
     * version (unless one was given) and its OCI labels (labels given explicitly win).
     */
    public static BuildRequest candidateRequest(BuildRequest base, ImageReference repository, TagSet tags, boolean versionGiven) {
        return base.toBuilder()
            .defaultLabels(tags.labels().values())
            .replaceImages(List.of(repository.withTag(candidateTag(tags)).toString()))
            .ociArchive(null)
            .version(versionGiven ? base.version() : tags.version())
            .build();
    }


    public Result run(BuildPlan candidatePlan, ImageReference repository, TagSet tags, OutputSink sink) throws IOException, InterruptedException {
        return run(candidatePlan, repository, tags, GateCheck.none(), sink, new LinkedHashMap<>());
    }

    /**
     * Builds and pushes the candidate, judges it, and adds the other tags unless a gate failed;
     * the milliseconds of the build, gates and push phases go into {@code durations}.
     */
    public Result run(BuildPlan candidatePlan, ImageReference repository, TagSet tags, GateCheck gates, OutputSink sink, Map<String, Long> durations)
        throws IOException, InterruptedException {
        String candidate = candidateTag(tags);
        long started = System.nanoTime();
        BuildResult built = engine.build(candidatePlan, sink);
        durations.put("build", GoDockerBuild.millisSince(started));
        List<String> others = tags.tags().stream().filter(tag -> !tag.equals(candidate)).toList();
        started = System.nanoTime();
        Optional<GateReport> report = gates.check(repository.withDigest(built.digest()));
        durations.put("gates", GoDockerBuild.millisSince(started));
        report.ifPresent(r -> GateReportTable.render(r).lines().forEach(sink::line));
        if (report.map(r -> r.outcome() == GateOutcome.FAILED).orElse(false)) {
            sink.line("gocb: a quality gate failed: " + repository.withTag(candidate) + " stays, " + String.join(", ", others) + " not added");
            durations.put("push", 0L);
            return new Result(built, candidate, Optional.empty(), tags, report, others);
        }
        if (others.isEmpty()) {
            durations.put("push", 0L);
            return new Result(built, candidate, Optional.empty(), tags, report, List.of());
        }
        sink.line("gocb: tagging " + built.digest() + " as " + String.join(", ", others));
        started = System.nanoTime();
        RetagResult pushed = pusher.push(repository.withDigest(built.digest()), repository, others);
        durations.put("push", GoDockerBuild.millisSince(started));
        return new Result(built, candidate, Optional.of(pushed), tags, report, List.of());
    }
}
