package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link GitFacts} with JGit from the repository that contains a directory. */
public final class GitFactsReader {

    private static final String ORIGIN_HEAD = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + Constants.HEAD;

    /** Reads the repository containing {@code directory}, walking up as git does (for services in a monorepo). */
    public GitFacts read(Path directory) {
        Path start = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw new GocbException("directory " + start + " does not exist",
                "the build context is read to find the git repository it belongs to",
                "pass an existing directory inside the checkout ({@context})");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            throw new NotAGitRepositoryException(start);
        }
        try (Repository repository = builder.build()) {
            return read(start, repository);
        } catch (IOException | GitAPIException e) {
            throw new GocbException("could not read the git repository at " + builder.getGitDir() + ": " + e.getMessage(),
                "the repository is damaged, incomplete or not readable by this user",
                "check that 'git -C " + start + " log -1' and 'git status' work there, and run 'git fsck' if they do not", e);
        }
    }

    /** The committer time of HEAD in the repository containing {@code directory}; empty outside git or before the first commit. */
    public Optional<Instant> headCommitTime(Path directory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(directory.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            return head == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(walk.parseCommit(head).getCommitTime()));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static GitFacts read(Path directory, Repository repository) throws IOException, GitAPIException {
        ObjectId head = repository.resolve(Constants.HEAD);
        Path workTree = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
        if (head == null) {
            throw new GocbException("the git repository at " + workTree + " has no commit yet",
                "tags and labels are made from the commit being built",
                "commit the sources first: git add -A && git commit -m 'Initial commit'");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(head);
            Map<ObjectId, List<GitTag>> tagsByCommit = tagsByTarget(repository);
            return new GitFacts(
                directory,
                workTree,
                commit.name(),
                Instant.ofEpochSecond(commit.getCommitTime()),
                tagsByCommit.getOrDefault(commit, List.of()),
                branch(repository),
                !repository.isBare() && isDirty(repository),
                isShallow(repository),
                !tagsByCommit.isEmpty(),
                releasedVersion(walk, commit, tagsByCommit),
                Optional.ofNullable(repository.getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url")),
                defaultBranch(repository));
        }
    }

    /** Every tag, by the object it finally points at (annotated tags peeled to their commit). */
    private static Map<ObjectId, List<GitTag>> tagsByTarget(Repository repository) throws IOException {
        Map<ObjectId, List<GitTag>> tags = new HashMap<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            Ref peeled = repository.getRefDatabase().peel(ref);
            boolean annotated = peeled.getPeeledObjectId() != null;
            ObjectId target = annotated ? peeled.getPeeledObjectId() : peeled.getObjectId();
            if (target != null) {
                String name = Repository.shortenRefName(ref.getName());
                tags.computeIfAbsent(target.copy(), id -> new ArrayList<>()).add(new GitTag(name, annotated));
            }
        }
        return tags;
    }

    /**
     * The highest semantic-version tag among HEAD's ancestors (HEAD included), which is how Go picks the base
     * of a pseudo-version; not the topologically closest tag that {@code git describe} would name.
     */
    private static Optional<SemanticVersion> releasedVersion(RevWalk walk, RevCommit head, Map<ObjectId, List<GitTag>> tagsByCommit)
        throws IOException {
        record Candidate(SemanticVersion version, ObjectId commit) {
        }
        List<Candidate> candidates = new ArrayList<>();
        tagsByCommit.forEach((commit, tags) -> tags.forEach(tag -> tag.version().ifPresent(version -> candidates.add(new Candidate(version, commit)))));
        candidates.sort(Comparator.comparing(Candidate::version).reversed());
        for (Candidate candidate : candidates) {
            RevCommit tagged;
            try {
                tagged = walk.parseCommit(candidate.commit());
            } catch (MissingObjectException | IncorrectObjectTypeException notACommitHere) {
                continue;
            }
            try {
                if (walk.isMergedInto(tagged, head)) {
                    return Optional.of(candidate.version());
                }
            } catch (MissingObjectException beyondAShallowBoundary) {
                // Without the history in between, reachability is unknown: look at the next tag.
            }
        }
        return Optional.empty();
    }

    private static Optional<String> branch(Repository repository) throws IOException {
        String full = repository.getFullBranch();
        return full != null && full.startsWith(Constants.R_HEADS) ? Optional.of(Repository.shortenRefName(full)) : Optional.empty();
    }

    private static boolean isDirty(Repository repository) throws GitAPIException {
        try (Git git = new Git(repository)) {
            return git.status().call().hasUncommittedChanges();
        }
    }

    private static boolean isShallow(Repository repository) throws IOException {
        Path gitDir = repository.getDirectory().toPath();
        if (Files.isRegularFile(gitDir.resolve("shallow"))) {
            return true;
        }
        // A linked work tree ('git worktree add') keeps the shared files, shallow included, in the common directory.
        Path commonDirFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDirFile)) {
            Path common = gitDir.resolve(Files.readString(commonDirFile, StandardCharsets.UTF_8).strip()).normalize();
            return Files.isRegularFile(common.resolve("shallow"));
        }
        return false;
    }

    private static Optional<String> defaultBranch(Repository repository) throws IOException {
        Ref originHead = repository.exactRef(ORIGIN_HEAD);
        if (originHead == null || !originHead.isSymbolic()) {
            return Optional.empty();
        }
        String target = originHead.getTarget().getName();
        String prefix = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/";
        return target.startsWith(prefix) ? Optional.of(target.substring(prefix.length())) : Optional.empty();
    }
}
