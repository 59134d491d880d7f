package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.GocbException;

import java.nio.file.Path;

/** The build directory is not inside a git work tree, so there is no commit to tag. */
public class NotAGitRepositoryException extends GocbException {

    private static final long serialVersionUID = 1L;

    public NotAGitRepositoryException(Path directory) {
        super(Kind.INVALID_INPUT, "not a git repository: " + directory + " (nor any of its parent directories)",
            "tags and labels come from the commit being built: its SHA, its tags, its commit time. The directory was read"
                + " from outside a checkout, or the checkout step copied the sources without the .git directory",
            "pass the service directory inside the checkout ({@context}), or keep the .git directory in the workspace"
                + " (in Jenkins: do not use 'Wipe out repository' without checking out again; in Docker: do not .dockerignore .git"
                + " for this step), or run 'git init' and commit", null);
    }
}
