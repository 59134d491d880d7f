package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.plan.BuildFacts;
import io.jenkins.plugins.gocontainer.plan.BuildPlanner;
import io.jenkins.plugins.gocontainer.tags.BuildRef;
import io.jenkins.plugins.gocontainer.tags.GitFacts;
import io.jenkins.plugins.gocontainer.tags.GitFactsReader;
import io.jenkins.plugins.gocontainer.tags.NotAGitRepositoryException;
import io.jenkins.plugins.gocontainer.tags.OciLabels;
import io.jenkins.plugins.gocontainer.tags.Tagger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The commit a build is made from, read once, and the facts that the values stamped into its binary are made of. */
final class SourceFacts {

    private SourceFacts() {
    }

    /**
     * The git facts of {@code moduleRoot}: a tagged build needs them and fails without them; a build with the
     * generated Dockerfile stamps them when there is a repository. A build with its own Dockerfile does not read git.
     */
    static Optional<GitFacts> read(GoDockerBuildSpec spec, OperationContext context, Path moduleRoot, boolean tagged) {
        if (tagged) {
            return Optional.of(new GitFactsReader().read(moduleRoot));
        }
        if (!BuildPlanner.generatesDockerfile(moduleRoot, Optional.ofNullable(spec.dockerfile()).map(Path::of))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GitFactsReader().read(moduleRoot));
        } catch (NotAGitRepositoryException outsideGit) {
            return Optional.empty();
        } catch (GocbException unreadable) {
            context.note("the revision stamped into the binary is " + BuildFacts.UNKNOWN_REVISION + ": "
                + unreadable.problem().lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }

    /**
     * The revision and date of the commit (the date as the image's created label has it: {@code SOURCE_DATE_EPOCH},
     * else the commit time), and the branch as a tagged build names it (given, CI, HEAD). Without a commit the
     * revision is unknown and the date is {@code SOURCE_DATE_EPOCH} or the build's time.
     */
    static BuildFacts of(GoDockerBuildSpec spec, Map<String, String> environment, Optional<GitFacts> git) {
        Optional<String> branch = Tagger.branch(BuildRef.branch(spec.tagPolicy().branch()), environment, git.flatMap(GitFacts::branch));
        Instant date = OciLabels.created(git.map(GitFacts::commitTime).orElseGet(Instant::now), environment);
        return new BuildFacts(git.map(GitFacts::commit).orElse(BuildFacts.UNKNOWN_REVISION), branch.orElse(""), date);
    }
}
