package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a build reaches private Go modules, as the user described it: an SSH identity and the
 * hosts it is used for, netrc logins for HTTPS hosts (tokens named by environment variable), git
 * URL rewrites and the GOPRIVATE family. Holds no secret value; {@link #open} reads the secrets
 * and materialises them for one build.
 */
public final class PrivateModuleAccess {

    /** Keys loaded into a private agent expire after this, even if the agent were ever orphaned. */
    static final Duration AGENT_KEY_LIFETIME = Duration.ofHours(3);

    private final Optional<SshIdentity> sshIdentity;
    private final Optional<Path> knownHosts;
    private final List<GitSshHost> sshHosts;
    private final List<NetrcLogin> netrcLogins;
    private final List<GitRewrite> rewrites;
    private final List<Path> certificateAuthorities;
    private final List<String> certificateAuthoritySecrets;
    private final GoPrivateEnvironment goEnvironment;

    private PrivateModuleAccess(Builder builder) {
        this.sshIdentity = Optional.ofNullable(builder.sshIdentity);
        this.knownHosts = Optional.ofNullable(builder.knownHosts);
        this.sshHosts = List.copyOf(builder.sshHosts);
        this.netrcLogins = List.copyOf(builder.netrcLogins);
        this.rewrites = List.copyOf(builder.rewrites);
        this.certificateAuthorities = List.copyOf(builder.certificateAuthorities);
        this.certificateAuthoritySecrets = List.copyOf(builder.certificateAuthoritySecrets);
        this.goEnvironment = GoPrivateEnvironment.from(builder.goEnvironment);
        if (!sshHosts.isEmpty() && sshIdentity.isEmpty()) {
            throw new InvalidBuildRequestException("SSH git hosts " + sshHosts + " are configured without an SSH identity",
                "fetching over SSH needs a key ({@sshKey}) or an agent that holds one ({@sshAgent})",
                "add {@sshKey} FILE (with {@sshPassphraseSecret} VAR for a protected key) or {@sshAgent}");
        }
        if (knownHosts.isPresent() && sshIdentity.isEmpty()) {
            throw new InvalidBuildRequestException("a known_hosts file (" + knownHosts.get() + ") was given without an SSH identity",
                "known_hosts is only read to check git servers' host keys when modules are fetched over SSH",
                "add {@sshKey} FILE or {@sshAgent} to fetch over SSH, or drop {@knownHosts}");
        }
        Set<String> netrcHosts = new LinkedHashSet<>();
        for (NetrcLogin login : netrcLogins) {
            if (!netrcHosts.add(login.host())) {
                throw new InvalidBuildRequestException("netrc host " + login.host() + " is given twice",
                    "a .netrc has one login per host", "keep one {@netrc.host} " + login.host());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PrivateModuleAccess none() {
        return builder().build();
    }

    public boolean isEmpty() {
        return sshIdentity.isEmpty() && netrcLogins.isEmpty() && rewrites.isEmpty() && certificateAuthorities.isEmpty() && certificateAuthoritySecrets.isEmpty()
            && goEnvironment.buildArgs().isEmpty();
    }

    public Optional<SshIdentity> sshIdentity() {
        return sshIdentity;
    }

    public List<GitSshHost> sshHosts() {
        return sshHosts;
    }

    public List<NetrcLogin> netrcLogins() {
        return netrcLogins;
    }

    public GoPrivateEnvironment goEnvironment() {
        return goEnvironment;
    }

    /**
     * Reads every secret (key, passphrase, tokens) and writes what the build needs into a private
     * directory, starting an agent for a protected key. Every secret value is registered with the
     * runner's masker before anything is written or run. On any failure nothing is left behind.
     *
     * @param environment where token and passphrase variables (and {@code SSH_AUTH_SOCK}) are read
     * @param userHome whose {@code .ssh/known_hosts} is used when no known_hosts file is given
     */
    public PrivateModuleSession open(CommandRunner runner, Map<String, String> environment, Path userHome)
        throws IOException, InterruptedException {
        SecretDirectory directory = SecretDirectory.create(runner.masker());
        SshAgent agent = null;
        HostGitEnvironment agentSide = new HostGitEnvironment().goVariables(goEnvironment.buildArgs());
        try {
            Map<String, Path> secretFiles = new LinkedHashMap<>();
            if (!netrcLogins.isEmpty()) {
                List<Netrc.Entry> entries = netrcLogins.stream().map(login -> login.resolve(environment)).toList();
                secretFiles.put(Netrc.SECRET_ID, Netrc.of(entries).writeTo(directory));
                agentSide.credentialStore(directory.write("git-credentials", HostGitEnvironment.credentialStoreText(entries)));
            }
            Optional<Path> sshSource = Optional.empty();
            if (sshIdentity.isPresent()) {
                Optional<SshKey> key = sshIdentity.get() instanceof SshIdentity.KeyFile keyFile ? Optional.of(SshKey.read(keyFile.file()))
                    : sshIdentity.get() instanceof SshIdentity.KeyMaterial material ? Optional.of(keyFromSecret(material, environment, directory))
                    : Optional.empty();
                key.ifPresent(k -> directory.register(k.content()));
                KnownHosts hosts = knownHosts(userHome);
                sshHosts.forEach(host -> hosts.requireHost(host.host(), host.port()));
                secretFiles.put(KnownHosts.SECRET_ID, directory.writeNonSecret(KnownHosts.SECRET_ID, hosts.text()));
                Path knownHostsFile = secretFiles.get(KnownHosts.SECRET_ID);
                if (key.isPresent()) {
                    Optional<String> passphraseVariable = sshIdentity.get() instanceof SshIdentity.KeyFile keyFile
                        ? keyFile.passphraseVariable() : ((SshIdentity.KeyMaterial) sshIdentity.get()).passphraseVariable();
                    if (key.get().encrypted()) {
                        String passphrase = passphrase(key.get().file(), passphraseVariable, environment);
                        agent = SshAgent.start(directory, runner);
                        agent.add(key.get(), passphrase, AGENT_KEY_LIFETIME, runner);
                        sshSource = Optional.of(agent.socket());
                        agentSide.ssh(knownHostsFile, Optional.empty(), sshSource);
                    } else {
                        sshSource = Optional.of(key.get().file().toAbsolutePath());
                        agentSide.ssh(knownHostsFile, sshSource, Optional.empty());
                    }
                } else {
                    sshSource = Optional.of(agentSocket((SshIdentity.AgentSocket) sshIdentity.get(), environment));
                    agentSide.ssh(knownHostsFile, Optional.empty(), sshSource);
                }
            }
            GitInsteadOf gitConfig = new GitInsteadOf();
            sshHosts.forEach(gitConfig::ssh);
            rewrites.forEach(gitConfig::rewrite);
            if (!gitConfig.isEmpty()) {
                secretFiles.put(GitInsteadOf.SECRET_ID, directory.writeNonSecret(GitInsteadOf.SECRET_ID, gitConfig.text()));
                agentSide.rewrites(gitConfig);
            }
            if (!certificateAuthorities.isEmpty() || !certificateAuthoritySecrets.isEmpty()) {
                Map<String, String> given = new LinkedHashMap<>();
                for (String name : certificateAuthoritySecrets) {
                    String pem = environment.get(name);
                    if (pem == null || pem.isBlank()) {
                        throw new InvalidBuildRequestException("the secret " + name + " for {@caCertificateSecrets} has no value",
                            "it holds a CA certificate in PEM form, resolved by the caller (in Jenkins: a file credential)",
                            "give the credential or variable " + name + " a PEM certificate");
                    }
                    given.put(name, pem);
                }
                String bundle = CertificateAuthorities.bundle(certificateAuthorities, given, CertificateAuthorities.SYSTEM_BUNDLE);
                secretFiles.put(CertificateAuthorities.SECRET_ID, directory.writeNonSecret(CertificateAuthorities.SECRET_ID, bundle));
                agentSide.certificateBundle(secretFiles.get(CertificateAuthorities.SECRET_ID));
            }
            return new PrivateModuleSession(directory, agent, secretFiles, sshSource, goEnvironment.buildArgs(), agentSide.variables(), notes());
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (agent != null) {
                agent.close();
            }
            directory.close();
            throw e;
        }
    }

    /**
     * Settings that would not do what the user wants, said before the build: besides the
     * GOPRIVATE family's own contradictions, credentials for a host whose modules the go command
     * would still ask the proxy and the checksum database for.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(goEnvironment.notes());
        Collection<String> hosts = new LinkedHashSet<>();
        sshHosts.forEach(host -> hosts.add(host.host()));
        netrcLogins.forEach(login -> hosts.add(login.host()));
        for (String host : hosts) {
            GoPrivateEnvironment.Route route = goEnvironment.route(host + "/module");
            if (!route.matchedGoPrivate()) {
                notes.add("credentials are given for " + host + ", but GOPRIVATE does not cover it: the go command will ask "
                    + (route.usesProxy() ? "the proxy " + route.proxy() : "the origin") + " for its modules"
                    + " and check them against the public checksum database, which fails for private modules."
                    + " Add {@goPrivate} " + host + " (or a narrower pattern such as " + host + "/team/*).");
            }
        }
        return notes;
    }

    private KnownHosts knownHosts(Path userHome) {
        Path file = knownHosts.orElse(userHome.resolve(".ssh/known_hosts"));
        if (knownHosts.isEmpty() && !Files.isRegularFile(file)) {
            throw new InvalidBuildRequestException("no known_hosts for SSH host key verification",
                "SSH inside the build checks the git server's host key against known_hosts; none was given with"
                    + " {@knownHosts} and " + file + " does not exist. Host key checking is never disabled.",
                "collect the keys once with gocb known-hosts HOST[:PORT] > known_hosts (ssh-keyscan underneath), check the"
                    + " fingerprints it shows against the ones your git server publishes, and pass {@knownHosts} known_hosts");
        }
        return KnownHosts.read(file);
    }

    /** The key handed over as a secret value, written to the build's private directory. */
    private static SshKey keyFromSecret(SshIdentity.KeyMaterial material, Map<String, String> secrets, SecretDirectory directory) {
        String content = Netrc.tokenFromEnvironment(material.secretName(), secrets, "the SSH private key");
        directory.register(content);
        Path file = directory.write("ssh-key", content.endsWith("\n") ? content : content + "\n");
        return SshKey.parse(file, content);
    }

    private static String passphrase(Path keyFile, Optional<String> passphraseVariable, Map<String, String> environment) {
        if (passphraseVariable.isEmpty()) {
            throw new InvalidBuildRequestException("the SSH key " + keyFile + " is protected by a passphrase, and none was given",
                "gocb loads a protected key into a private ssh-agent for the build, which needs the passphrase;"
                    + " it is read from an environment variable, never from a flag",
                "name the variable holding it with {@sshPassphraseSecret} VAR (in Jenkins, sshUserPrivateKey binds"
                    + " passphraseVariable), or load the key into your own agent and use {@sshAgent}");
        }
        return Netrc.tokenFromEnvironment(passphraseVariable.get(), environment, "the passphrase of the SSH key " + keyFile);
    }

    private static Path agentSocket(SshIdentity.AgentSocket agent, Map<String, String> environment) {
        Optional<Path> socket = agent.socket().or(() -> Optional.ofNullable(environment.get("SSH_AUTH_SOCK"))
            .filter(value -> !value.isBlank()).map(Path::of));
        if (socket.isEmpty()) {
            throw new InvalidBuildRequestException("{@sshAgent} was given, but SSH_AUTH_SOCK is not set",
                "the build forwards the agent whose socket SSH_AUTH_SOCK names, and there is none in this environment",
                "start an agent and add the key (eval $(ssh-agent); ssh-add KEY), use Jenkins' sshagent step, or pass {@sshKey}");
        }
        Path path = socket.get().toAbsolutePath();
        if (!Files.exists(path) || Files.isRegularFile(path) || Files.isDirectory(path)) {
            throw new InvalidBuildRequestException("the SSH agent socket " + path + " does not exist or is not a socket",
                "the agent that created it has stopped, or SSH_AUTH_SOCK belongs to another session or machine",
                "start an agent and add the key again (eval $(ssh-agent); ssh-add KEY), or pass {@sshKey}");
        }
        return path;
    }

    /** Collects an access description; validated as a whole by {@link #build()}. */
    public static final class Builder {

        private SshIdentity sshIdentity;
        private Path knownHosts;
        private final List<GitSshHost> sshHosts = new ArrayList<>();
        private final List<NetrcLogin> netrcLogins = new ArrayList<>();
        private final List<GitRewrite> rewrites = new ArrayList<>();
        private final List<Path> certificateAuthorities = new ArrayList<>();
        private final List<String> certificateAuthoritySecrets = new ArrayList<>();
        private final Map<String, String> goEnvironment = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder sshKey(Path file, String passphraseVariable) {
            this.sshIdentity = SshIdentity.keyFile(Objects.requireNonNull(file, "file"), passphraseVariable);
            return this;
        }

        /** Key material handed over as the secret {@code secretName}, with the name of its passphrase's secret (or null). */
        public Builder sshKeySecret(String secretName, String passphraseVariable) {
            this.sshIdentity = new SshIdentity.KeyMaterial(Objects.requireNonNull(secretName, "secretName"),
                Optional.ofNullable(passphraseVariable).filter(v -> !v.isBlank()));
            return this;
        }

        /** @param socket the agent socket, or null for {@code SSH_AUTH_SOCK} */
        public Builder sshAgent(Path socket) {
            this.sshIdentity = SshIdentity.agent(socket);
            return this;
        }

        public Builder knownHosts(Path file) {
            this.knownHosts = file;
            return this;
        }

        public Builder sshHost(GitSshHost host) {
            sshHosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        public Builder netrc(NetrcLogin login) {
            netrcLogins.add(Objects.requireNonNull(login, "login"));
            return this;
        }

        public Builder rewrite(GitRewrite rewrite) {
            rewrites.add(Objects.requireNonNull(rewrite, "rewrite"));
            return this;
        }

        /** A certificate authority (PEM) the module download must trust, e.g. the company CA of an internal git host. */
        /** A CA certificate in PEM form held by the secret (or variable) {@code name}, for a CA that is not a file on this machine. */
        public Builder certificateAuthoritySecret(String name) {
            certificateAuthoritySecrets.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder certificateAuthority(Path file) {
            certificateAuthorities.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** One of {@link GoPrivateEnvironment#NAMES}; validated by {@link #build()}. */
        public Builder goVariable(String name, String value) {
            if (!GoPrivateEnvironment.NAMES.contains(name)) {
                throw new IllegalArgumentException(name + " is not one of " + GoPrivateEnvironment.NAMES);
            }
            goEnvironment.put(name, value);
            return this;
        }

        public PrivateModuleAccess build() {
            return new PrivateModuleAccess(this);
        }
    }
}
