package io.jenkins.plugins.gocontainer.tags;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the CI system says is being built. CI checkouts usually leave HEAD detached, so the branch, tag or
 * pull request cannot be read from git; Jenkins, GitHub Actions and GitLab CI put them in the environment.
 *
 * <p>The environment is passed in (never read from the process here), so that callers and tests decide it.
 */
public record CiEnvironment(Provider provider, BuildRef ref, Optional<String> defaultBranch) {

    /** The CI systems whose variables are understood. */
    public enum Provider {
        GITHUB_ACTIONS("GitHub Actions"),
        GITLAB_CI("GitLab CI"),
        JENKINS("Jenkins"),
        NONE("no CI");

        private final String displayName;

        Provider(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    private static final Pattern GITHUB_PULL = Pattern.compile("refs/pull/([^/]+)/(?:merge|head)");

    public static CiEnvironment detect(Map<String, String> environment) {
        if (present(environment, "GITHUB_ACTIONS") || present(environment, "GITHUB_REF")) {
            return new CiEnvironment(Provider.GITHUB_ACTIONS, gitHubRef(value(environment, "GITHUB_REF").orElse("")), Optional.empty());
        }
        if (present(environment, "GITLAB_CI") || present(environment, "CI_COMMIT_BRANCH") || present(environment, "CI_COMMIT_TAG")
            || present(environment, "CI_MERGE_REQUEST_IID")) {
            return new CiEnvironment(Provider.GITLAB_CI, gitLabRef(environment), value(environment, "CI_DEFAULT_BRANCH"));
        }
        if (present(environment, "JENKINS_URL") || present(environment, "BRANCH_NAME") || present(environment, "TAG_NAME")
            || present(environment, "CHANGE_ID") || present(environment, "GIT_BRANCH")) {
            return new CiEnvironment(Provider.JENKINS, jenkinsRef(environment), Optional.empty());
        }
        return new CiEnvironment(Provider.NONE, BuildRef.none(), Optional.empty());
    }

    /** {@code refs/heads/B}, {@code refs/tags/T} or {@code refs/pull/N/merge}. */
    static BuildRef gitHubRef(String ref) {
        if (ref.startsWith("refs/heads/")) {
            return BuildRef.branch(ref.substring("refs/heads/".length()));
        }
        if (ref.startsWith("refs/tags/")) {
            return BuildRef.tag(ref.substring("refs/tags/".length()));
        }
        Matcher pull = GITHUB_PULL.matcher(ref);
        if (pull.matches()) {
            return BuildRef.pullRequest(pull.group(1));
        }
        return BuildRef.none();
    }

    private static BuildRef gitLabRef(Map<String, String> environment) {
        Optional<String> mergeRequest = value(environment, "CI_MERGE_REQUEST_IID");
        if (mergeRequest.isPresent()) {
            return BuildRef.pullRequest(mergeRequest.get());
        }
        Optional<String> tag = value(environment, "CI_COMMIT_TAG");
        if (tag.isPresent()) {
            return BuildRef.tag(tag.get());
        }
        return BuildRef.branch(value(environment, "CI_COMMIT_BRANCH").orElse(null));
    }

    /**
     * Multibranch sets CHANGE_ID for pull requests (BRANCH_NAME is then {@code PR-N}) and TAG_NAME for tags
     * (BRANCH_NAME is then the tag); freestyle jobs and the git plugin set GIT_BRANCH, e.g. {@code origin/main}.
     */
    private static BuildRef jenkinsRef(Map<String, String> environment) {
        Optional<String> change = value(environment, "CHANGE_ID");
        if (change.isPresent()) {
            return BuildRef.pullRequest(change.get());
        }
        Optional<String> tag = value(environment, "TAG_NAME");
        if (tag.isPresent()) {
            return BuildRef.tag(tag.get());
        }
        Optional<String> branch = value(environment, "BRANCH_NAME");
        if (branch.isPresent()) {
            return BuildRef.branch(branch.get());
        }
        return value(environment, "GIT_BRANCH").map(CiEnvironment::gitPluginBranch).orElse(BuildRef.none());
    }

    private static BuildRef gitPluginBranch(String gitBranch) {
        if (gitBranch.startsWith("refs/tags/")) {
            return BuildRef.tag(gitBranch.substring("refs/tags/".length()));
        }
        String branch = gitBranch;
        for (String prefix : new String[] {"refs/remotes/", "remotes/", "refs/heads/", "origin/"}) {
            if (branch.startsWith(prefix)) {
                branch = branch.substring(prefix.length());
            }
        }
        return BuildRef.branch(branch);
    }

    private static boolean present(Map<String, String> environment, String name) {
        return value(environment, name).isPresent();
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(text -> !text.isEmpty());
    }
}
