package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.exec.CommandNotFoundException;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code gocb build} reaches private modules. Every secret (key, passphrase, token) is read
 * from a file or an environment variable named here, never from the flag value itself.
 */
final class PrivateModuleOptions {

    /** One HTTPS git host with a token. */
    static final class NetrcOptions {
        @Option(names = "--netrc-host", required = true, paramLabel = "HOST", description = "HTTPS git host that needs a token; repeatable, each with its own --netrc-user and --netrc-token-env")
        String host;

        @Option(names = "--netrc-user", paramLabel = "LOGIN", description = "login sent with the token (GitHub: x-access-token, GitLab: oauth2)")
        String user;

        @Option(names = "--netrc-token-env", paramLabel = "VAR", description = "environment variable holding the token")
        String tokenVariable;
    }

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "private SSH key for git hosts; forwarded to the build, never copied into it")
    Path sshKey;

    @Option(names = "--ssh-passphrase-env", paramLabel = "VAR", description = "environment variable holding the --ssh-key passphrase (the key is then served by a private ssh-agent)")
    String sshPassphraseVariable;

    @Option(names = "--ssh-agent", arity = "0..1", paramLabel = "SOCKET", fallbackValue = "",
        description = "forward an SSH agent that holds the key (default socket: $SSH_AUTH_SOCK)")
    String sshAgent;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts with the git servers' host keys (default: ~/.ssh/known_hosts); host keys are always checked")
    Path knownHosts;

    @Option(names = "--git-ssh", paramLabel = "[USER@]HOST[:PORT]", description = "fetch https://HOST/ over SSH (git insteadOf), e.g. git@github.com; repeatable")
    List<String> sshHosts = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<NetrcOptions> netrc = new ArrayList<>();

    @Option(names = "--git-rewrite", paramLabel = "FROM=TO", description = "fetch git URLs starting with FROM from TO instead (git insteadOf); repeatable")
    List<String> rewrites = new ArrayList<>();

    @Option(names = "--ca-cert", paramLabel = "FILE",
        description = "certificate authority (PEM) the module download must trust, e.g. your company CA for an internal git host or proxy; repeatable")
    List<Path> certificateAuthorities = new ArrayList<>();

    @Option(names = "--go-private", paramLabel = "PATTERNS", description = "GOPRIVATE for the build: comma-separated module path globs, e.g. git.example.com/team/*")
    String goPrivate;

    @Option(names = "--go-noproxy", paramLabel = "PATTERNS", description = "GONOPROXY for the build")
    String goNoProxy;

    @Option(names = "--go-nosumdb", paramLabel = "PATTERNS", description = "GONOSUMDB for the build")
    String goNoSumDb;

    @Option(names = "--go-proxy", paramLabel = "URLS", description = "GOPROXY for the build, e.g. https://goproxy.example.com,direct")
    String goProxy;

    @Option(names = "--go-sumdb", paramLabel = "DB", description = "GOSUMDB for the build")
    String goSumDb;

    @Option(names = "--go-flags", paramLabel = "FLAGS", description = "GOFLAGS for the build")
    String goFlags;

    @Option(names = "--go-insecure", paramLabel = "PATTERNS", description = "GOINSECURE for the build")
    String goInsecure;

    @Option(names = "--no-host-go-env", description = "do not carry GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE, GOPROXY and GOSUMDB over from this environment")
    boolean noHostGoEnvironment;

    /** The variables carried over from the agent's environment unless given: the host and the build then agree. */
    private static final List<String> CARRIED_OVER = List.of(GoPrivateEnvironment.GOPRIVATE, GoPrivateEnvironment.GONOPROXY,
        GoPrivateEnvironment.GONOSUMDB, GoPrivateEnvironment.GOINSECURE, GoPrivateEnvironment.GOPROXY, GoPrivateEnvironment.GOSUMDB);

    /**
     * The access as given, with every note about it (variables carried over, settings that
     * contradict each other) printed to {@code err}; bad values are bad input (exit code 2).
     */
    PrivateModuleAccess access(Map<String, String> environment, PrintWriter err) {
        List<String> notes = new ArrayList<>();
        PrivateModuleAccess access = access(environment, notes);
        notes.addAll(access.notes());
        notes.forEach(note -> err.println("gocb: note: " + note));
        return access;
    }

    private PrivateModuleAccess access(Map<String, String> environment, List<String> notes) {
        return BadInput.whileParsing(() -> {
            PrivateModuleAccess.Builder access = PrivateModuleAccess.builder();
            if (sshKey != null && sshAgent != null) {
                throw new InvalidBuildRequestException("both --ssh-key and --ssh-agent were given",
                    "the build forwards one SSH identity", "keep --ssh-key FILE, or load the key into the agent and keep --ssh-agent");
            }
            if (sshKey != null) {
                access.sshKey(sshKey.toAbsolutePath(), sshPassphraseVariable);
            } else if (sshPassphraseVariable != null) {
                throw new InvalidBuildRequestException("--ssh-passphrase-env was given without --ssh-key",
                    "the passphrase opens the key given with --ssh-key", "add --ssh-key FILE");
            }
            if (sshAgent != null) {
                access.sshAgent(sshAgent.isBlank() ? null : Path.of(sshAgent));
            }
            access.knownHosts(knownHosts == null ? null : knownHosts.toAbsolutePath());
            sshHosts.stream().map(GitSshHost::parse).forEach(access::sshHost);
            for (NetrcOptions login : netrc) {
                access.netrc(new NetrcLogin(login.host, login.user, login.tokenVariable));
            }
            rewrites.stream().map(GitRewrite::parse).forEach(access::rewrite);
            certificateAuthorities.forEach(file -> access.certificateAuthority(file.toAbsolutePath()));
            goVariables(environment, notes).forEach(access::goVariable);
            return access.build();
        });
    }

    /**
     * Opens the credentials for one build. Problems with what the user gave (an unreadable key, a
     * wrong passphrase, an unset variable, a host missing from known_hosts) are bad input.
     */
    static PrivateModuleSession open(PrivateModuleAccess access, CommandRunner runner, Map<String, String> environment)
        throws IOException, InterruptedException {
        try {
            return access.open(runner, environment, Path.of(System.getProperty("user.home")));
        } catch (CommandNotFoundException e) {
            throw e;
        } catch (InvalidBuildRequestException e) {
            throw e;
        } catch (GocbException e) {
            throw new InvalidBuildRequestException(e.problem(), e.reason(), e.remedy());
        }
    }

    private Map<String, String> goVariables(Map<String, String> environment, List<String> notes) {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, GoPrivateEnvironment.GOPRIVATE, goPrivate);
        put(given, GoPrivateEnvironment.GONOPROXY, goNoProxy);
        put(given, GoPrivateEnvironment.GONOSUMDB, goNoSumDb);
        put(given, GoPrivateEnvironment.GOPROXY, goProxy);
        put(given, GoPrivateEnvironment.GOSUMDB, goSumDb);
        put(given, GoPrivateEnvironment.GOFLAGS, goFlags);
        put(given, GoPrivateEnvironment.GOINSECURE, goInsecure);
        if (!noHostGoEnvironment) {
            for (String name : CARRIED_OVER) {
                Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank()).ifPresent(value -> {
                    if (given.putIfAbsent(name, value) == null) {
                        notes.add(name + "=" + value + " is taken from this environment, so that the build resolves modules as this"
                            + " machine does (--no-host-go-env to leave it out)");
                    }
                });
            }
        }
        return given;
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
