package io.jenkins.plugins.gocontainer.creds;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials of one build, materialised: secret files by BuildKit secret id, the SSH source
 * to forward (a key file or an agent socket), and the go environment as build args. Everything
 * lives in a private directory; {@link #close()} stops the private agent and deletes it, and must
 * run in {@code finally} after the build.
 */
public final class PrivateModuleSession implements AutoCloseable {

    private final SecretDirectory directory;
    private final SshAgent agent;
    private final Map<String, Path> secretFiles;
    private final Optional<Path> sshSource;
    private final Map<String, String> goBuildArgs;
    private final Map<String, String> hostEnvironment;
    private final List<String> notes;

    PrivateModuleSession(SecretDirectory directory, SshAgent agent, Map<String, Path> secretFiles, Optional<Path> sshSource,
                         Map<String, String> goBuildArgs, Map<String, String> hostEnvironment, List<String> notes) {
        this.directory = directory;
        this.agent = agent;
        this.secretFiles = Collections.unmodifiableMap(new LinkedHashMap<>(secretFiles));
        this.sshSource = sshSource;
        this.goBuildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(goBuildArgs));
        this.hostEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(hostEnvironment));
        this.notes = List.copyOf(notes);
    }

    /** Files to hand to BuildKit as secrets, by id ({@code netrc}, {@code known_hosts}, {@code gitconfig}). */
    public Map<String, Path> secretFiles() {
        return secretFiles;
    }

    /** What {@code --ssh default=...} forwards: the key file or the agent socket. */
    public Optional<Path> sshSource() {
        return sshSource;
    }

    /** GOPRIVATE and its family, as build args (none of it is secret). */
    public Map<String, String> goBuildArgs() {
        return goBuildArgs;
    }

    /**
     * The same credentials for the go command on the agent (goModVendor): GOPRIVATE and its
     * family, GIT_SSH_COMMAND/SSH_AUTH_SOCK, git rewrites and a credential store through
     * GIT_CONFIG_COUNT, and the CA bundle. Values are paths and settings, never secrets.
     */
    public Map<String, String> hostEnvironment() {
        return hostEnvironment;
    }

    /** Warnings about settings that contradict each other, for the log. */
    public List<String> notes() {
        return notes;
    }

    /** The private directory holding the files; gone after {@link #close()}. */
    public Path directory() {
        return directory.path();
    }

    public boolean usesPrivateAgent() {
        return agent != null;
    }

    /** Stops the private agent, if any, and deletes every file. Idempotent. */
    @Override
    public void close() {
        try {
            if (agent != null) {
                agent.close();
            }
        } finally {
            directory.close();
        }
    }
}
