package io.jenkins.plugins.gocontainer.tags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a commit's version, image tags and OCI labels: reads the git facts, works out what is being
 * built (explicit overrides, then the CI environment, then git), and applies the tag policy.
 *
 * <p>Version: the semantic version of the build's git tag without {@code v} and build metadata, else a
 * {@link PseudoVersion}; a work tree with uncommitted changes to tracked files adds the pre-release
 * identifier {@code dirty} ({@code 1.2.3-dirty}, {@code 1.2.4-0.20261122033500-abcdef123456.dirty}), which
 * keeps it a valid semantic version and image tag that sorts before the clean release.
 */
public final class Tagger {

    static final String DIRTY = "dirty";

    private final GitFactsReader reader;

    public Tagger() {
        this(new GitFactsReader());
    }

    public Tagger(GitFactsReader reader) {
        this.reader = reader;
    }

    public TagSet compute(TagRequest request) {
        return compute(request, reader.read(request.directory()));
    }

    /** Computes from facts already read; the request's directory is then only used for the default title. */
    public TagSet compute(TagRequest request, GitFacts facts) {
        List<String> notes = new ArrayList<>();
        CiEnvironment ci = CiEnvironment.detect(request.environment());
        BuildRef ref = buildRef(request.overrides(), ci, facts, notes);
        Optional<SemanticVersion> release = ref.tag().flatMap(SemanticVersion::tryParse);
        if (release.isEmpty() && request.requireSemver()) {
            throw semverRequired(facts, ref, ci);
        }

        SemanticVersion version = release
            .map(tagged -> SemanticVersion.of(tagged.major(), tagged.minor(), tagged.patch(), tagged.prerelease()))
            .orElseGet(() -> PseudoVersion.of(facts.releasedVersion(), facts.commitTime(), facts.commit()));
        if (release.isEmpty()) {
            CloneAdvice.problem(facts).ifPresent(problem -> notes.add(problem + "; so the version is the pseudo-version "
                + version + " and no semver tags were made. Fix: " + CloneAdvice.remedy(facts, ci.provider())));
        }
        if (facts.dirty()) {
            notes.add("the work tree has uncommitted changes to tracked files, so the image is not exactly commit " + facts.shortCommit()
                + "; the version is marked '" + DIRTY + "'. Commit them, or add build outputs to .gitignore");
        }
        String finalVersion = facts.dirty() ? version.withPrereleaseIdentifier(DIRTY).version() : version.version();

        PolicyResult tags = request.policy().evaluate(new TagInputs(facts.commit(), ref, ci.defaultBranch().or(facts::defaultBranch)));
        notes.addAll(tags.notes());

        if (facts.originUrl().flatMap(RemoteUrl::publicUrl).isEmpty()) {
            notes.add(facts.originUrl().isPresent()
                ? "the origin remote is a local path, so " + OciLabels.SOURCE + " is not set"
                : "the repository has no 'origin' remote, so " + OciLabels.SOURCE + " is not set");
        }
        OciLabels labels = OciLabels.of(finalVersion, facts.commit(), OciLabels.created(facts.commitTime(), request.environment()),
            facts.originUrl(), request.title().orElseGet(() -> directoryName(request.directory())));
        return new TagSet(finalVersion, tags.tags(), labels, notes);
    }

    /**
     * Each part from the overrides, else from the CI environment when it names what it builds, else from git
     * (HEAD's branch when attached; a laptop). The git tag, when still unknown, is HEAD's preferred tag.
     */
    private static BuildRef buildRef(BuildRef overrides, CiEnvironment ci, GitFacts facts, List<String> notes) {
        BuildRef ref = overrides.or(fromCiOrGit(ci, facts.branch()));
        if (ref.tag().isEmpty() && facts.headTag().isPresent()) {
            String chosen = facts.headTag().get().name();
            if (facts.headTags().size() > 1) {
                notes.add("commit " + facts.shortCommit() + " has several tags (" + String.join(", ", facts.headTags().stream().map(GitTag::name).toList())
                    + "); '" + chosen + "' is used, the highest semantic version (else the first by name)");
            }
            ref = ref.or(BuildRef.tag(chosen));
        }
        return ref;
    }

    /** The CI environment's ref when it names what it builds, else HEAD's branch. */
    private static BuildRef fromCiOrGit(CiEnvironment ci, Optional<String> headBranch) {
        return ci.ref().isEmpty() ? new BuildRef(headBranch, Optional.empty(), Optional.empty()) : ci.ref();
    }

    /**
     * The branch being built, as a tagged build sees it: the override, else the CI environment's when it names
     * what it builds, else {@code headBranch} (HEAD's, empty when detached or outside git).
     */
    public static Optional<String> branch(BuildRef overrides, Map<String, String> environment, Optional<String> headBranch) {
        return overrides.or(fromCiOrGit(CiEnvironment.detect(environment), headBranch)).branch();
    }

    private static SemverRequiredException semverRequired(GitFacts facts, BuildRef ref, CiEnvironment ci) {
        String problem = "commit " + facts.shortCommit() + " has no semantic-version tag, and one is required ({@requireSemver})";
        if (ref.tag().isPresent()) {
            return new SemverRequiredException(problem,
                "its tag '" + ref.tag().get() + "' is not a semantic version (vMAJOR.MINOR.PATCH[-PRERELEASE], e.g. v1.2.3)",
                "tag the commit with a semantic version: git tag -a v1.2.3 -m v1.2.3 " + facts.shortCommit() + " && git push origin v1.2.3");
        }
        Optional<String> clone = CloneAdvice.problem(facts);
        return new SemverRequiredException(problem,
            clone.orElse("no tag points at it, and the CI environment (" + ci.provider().displayName() + ") names no tag"),
            clone.isPresent() ? CloneAdvice.remedy(facts, ci.provider())
                : "tag the commit (git tag -a v1.2.3 -m v1.2.3 " + facts.shortCommit() + " && git push origin v1.2.3), or build the tag"
                    + " ({@gitTag} v1.2.3), or drop {@requireSemver} for branch builds");
    }

    private static String directoryName(Path directory) {
        Path name = directory.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }
}
