package io.jenkins.plugins.gocontainer.tags;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository in a temporary directory, written with JGit (commits at chosen times, annotated and
 * lightweight tags) or with the git command (clones, detached checkouts), for tests of what gocb reads from git.
 */
public final class GitFixture implements AutoCloseable {

    private final Path directory;
    private final Git git;

    private GitFixture(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    /** A new repository whose first branch is {@code main}. */
    public static GitFixture init(Path directory) {
        try {
            Files.createDirectories(directory);
            return new GitFixture(directory, Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An existing repository, e.g. one made by {@link #gitCommand}. */
    public static GitFixture open(Path directory) {
        try {
            return new GitFixture(directory, Git.open(directory.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public GitFixture write(String relativePath, String content) {
        try {
            Path file = directory.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds every file and commits at {@code time} (author and committer); returns the full SHA. */
    public String commit(String message, Instant time) {
        try {
            git.add().addFilepattern(".").call();
            PersonIdent person = new PersonIdent("Test Author", "author@example.com", time, ZoneOffset.ofHours(2));
            RevCommit commit = git.commit().setMessage(message).setAuthor(person).setCommitter(person).setSign(false).call();
            return commit.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture annotatedTag(String name) {
        try {
            git.tag().setName(name).setAnnotated(true).setMessage("release " + name)
                .setTagger(new PersonIdent("Test Author", "author@example.com")).setSigned(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture lightweightTag(String name) {
        try {
            git.tag().setName(name).setAnnotated(false).setSigned(false).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture branch(String name) {
        try {
            git.checkout().setCreateBranch(true).setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture checkout(String name) {
        try {
            git.checkout().setName(name).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public GitFixture remote(String name, String url) {
        try {
            git.remoteAdd().setName(name).setUri(new org.eclipse.jgit.transport.URIish(url)).call();
            return this;
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the git command in this repository. */
    public String git(String... args) {
        return gitCommand(directory, args);
    }

    /**
     * Runs the git command in {@code workingDirectory}, isolated from the user's and the system's git
     * configuration; fails the test with git's output when git fails.
     */
    public static String gitCommand(Path workingDirectory, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GIT_"));
        environment.putAll(Map.of(
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_CONFIG_GLOBAL", "/dev/null",
            "GIT_AUTHOR_NAME", "Test Author",
            "GIT_AUTHOR_EMAIL", "author@example.com",
            "GIT_COMMITTER_NAME", "Test Author",
            "GIT_COMMITTER_EMAIL", "author@example.com"));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + process.exitValue() + "): " + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.getRepository().close();
        git.close();
    }
}
