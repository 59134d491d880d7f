package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.operations.PrivateModuleSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;



/**
 * How {@code gocb build} and {@code gocb vendor} reach private modules. Every secret (key, passphrase, token) is read
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

    /** The settings as given; a bad value (a malformed host, rewrite or GOPRIVATE) is refused with its fix. */
    PrivateModuleSettings settings() {
        Map<String, String> goVariables = new LinkedHashMap<>();
        put(goVariables, GoPrivateEnvironment.GOPRIVATE, goPrivate);
        put(goVariables, GoPrivateEnvironment.GONOPROXY, goNoProxy);
        put(goVariables, GoPrivateEnvironment.GONOSUMDB, goNoSumDb);
        put(goVariables, GoPrivateEnvironment.GOPROXY, goProxy);
        put(goVariables, GoPrivateEnvironment.GOSUMDB, goSumDb);
        put(goVariables, GoPrivateEnvironment.GOFLAGS, goFlags);
        put(goVariables, GoPrivateEnvironment.GOINSECURE, goInsecure);
        return new PrivateModuleSettings(sshKey == null ? null : sshKey.toString(), null, sshPassphraseVariable, sshAgent != null,
            sshAgent == null || sshAgent.isBlank() ? null : sshAgent, knownHosts == null ? null : knownHosts.toString(),
            sshHosts.stream().map(GitSshHost::parse).toList(),
            netrc.stream().map(login -> new NetrcLogin(login.host, login.user, login.tokenVariable)).toList(),
            rewrites.stream().map(GitRewrite::parse).toList(), certificateAuthorities.stream().map(Path::toString).toList(), List.of(),
            goVariables, noHostGoEnvironment);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
