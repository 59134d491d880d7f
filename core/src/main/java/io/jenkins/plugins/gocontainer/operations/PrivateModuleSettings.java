package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * How a build or a module download reaches private modules. Holds no secret value: keys,
 * passphrases and tokens are named ({@code sshKeySecret}, {@code sshPassphraseSecret}, a netrc
 * login's token) and looked up in the {@link OperationContext} when the session opens.
 *
 * @param sshKey              a private key file, relative to the workspace
 * @param sshKeySecret        the name of a secret holding private key material (instead of {@code sshKey})
 * @param sshPassphraseSecret the name of the secret (or environment variable) holding the key's passphrase
 * @param sshAgent            forward an agent: {@code sshAgentSocket}, else {@code SSH_AUTH_SOCK} of the environment
 * @param knownHosts          known_hosts file, relative to the workspace (default: {@code $HOME/.ssh/known_hosts})
 * @param caCertificateSecrets names of secrets holding CA certificates in PEM form (a Jenkins file credential)
 * @param goVariables         GOPRIVATE, GONOPROXY, GONOSUMDB, GOPROXY, GOSUMDB, GOFLAGS, GOINSECURE as given
 * @param noHostGoEnvironment do not carry GOPRIVATE and friends over from the environment when not given
 */
public record PrivateModuleSettings(String sshKey, String sshKeySecret, String sshPassphraseSecret, boolean sshAgent, String sshAgentSocket,
                                    String knownHosts, List<GitSshHost> gitSsh, List<NetrcLogin> netrc, List<GitRewrite> gitRewrites,
                                    List<String> caCertificates, List<String> caCertificateSecrets, Map<String, String> goVariables,
                                    boolean noHostGoEnvironment)
    implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Carried over from the agent's environment unless given: the host and the build then resolve modules alike. */
    private static final List<String> CARRIED_OVER = List.of(GoPrivateEnvironment.GOPRIVATE, GoPrivateEnvironment.GONOPROXY,
        GoPrivateEnvironment.GONOSUMDB, GoPrivateEnvironment.GOINSECURE, GoPrivateEnvironment.GOPROXY, GoPrivateEnvironment.GOSUMDB);

    public PrivateModuleSettings {
        gitSsh = List.copyOf(gitSsh);
        netrc = List.copyOf(netrc);
        gitRewrites = List.copyOf(gitRewrites);
        caCertificates = List.copyOf(caCertificates);
        caCertificateSecrets = List.copyOf(caCertificateSecrets);
        goVariables = Collections.unmodifiableMap(new LinkedHashMap<>(goVariables));
        for (String name : goVariables.keySet()) {
            if (!GoPrivateEnvironment.NAMES.contains(name)) {
                throw new InvalidBuildRequestException(name + " is not a Go private-module variable", "the build passes only "
                    + GoPrivateEnvironment.NAMES + " to go", "drop " + name + ", or pass it as a build argument");
            }
        }
        if (sshKey != null && sshKeySecret != null) {
            throw new InvalidBuildRequestException("both " + setting("sshKey") + " and " + setting("sshKeySecret") + " were given",
                "the build forwards one SSH identity", "keep one of them");
        }
        if ((sshKey != null || sshKeySecret != null) && sshAgent) {
            throw new InvalidBuildRequestException("both " + setting("sshKey") + " and " + setting("sshAgent") + " were given",
                "the build forwards one SSH identity", "keep " + setting("sshKey") + ", or load the key into the agent and keep "
                    + setting("sshAgent"));
        }
        if (sshPassphraseSecret != null && sshKey == null && sshKeySecret == null) {
            throw new InvalidBuildRequestException(setting("sshPassphraseSecret") + " was given without " + setting("sshKey"),
                "the passphrase opens the key given with " + setting("sshKey"), "add " + setting("sshKey"));
        }
    }

    public static PrivateModuleSettings none() {
        return new PrivateModuleSettings(null, null, null, false, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), false);
    }

    /**
     * The access these settings describe, with the GOPRIVATE family carried over from the
     * context's environment; every note (variables carried over, contradictions) goes to {@code notes}.
     */
    PrivateModuleAccess access(OperationContext context, List<String> notes) {
        PrivateModuleAccess.Builder access = PrivateModuleAccess.builder();
        if (sshKey != null) {
            access.sshKey(context.resolve(sshKey), sshPassphraseSecret);
        } else if (sshKeySecret != null) {
            access.sshKeySecret(sshKeySecret, sshPassphraseSecret);
        }
        if (sshAgent) {
            access.sshAgent(context.resolve(sshAgentSocket));
        }
        access.knownHosts(context.resolve(knownHosts));
        gitSsh.forEach(access::sshHost);
        netrc.forEach(access::netrc);
        gitRewrites.forEach(access::rewrite);
        caCertificates.forEach(file -> access.certificateAuthority(context.resolve(file)));
        caCertificateSecrets.forEach(access::certificateAuthoritySecret);
        goVariables(context.environment(), notes).forEach(access::goVariable);
        PrivateModuleAccess built = access.build();
        notes.addAll(built.notes());
        return built;
    }

    /**
     * Opens the credentials for one operation, printing the notes about them; empty when the
     * settings ask for none. The session must be closed.
     */
    Optional<PrivateModuleSession> open(OperationContext context) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        PrivateModuleAccess access = access(context, notes);
        notes.forEach(note -> context.note(note));
        if (access.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(access.open(context.runner(), context.secretLookup(), context.home()));
    }

    private Map<String, String> goVariables(Map<String, String> environment, List<String> notes) {
        Map<String, String> given = new LinkedHashMap<>(goVariables);
        if (!noHostGoEnvironment) {
            for (String name : CARRIED_OVER) {
                Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank()).ifPresent(value -> {
                    if (given.putIfAbsent(name, value) == null) {
                        notes.add(name + "=" + value + " is taken from this environment, so that the build resolves modules as this"
                            + " machine does (" + setting("noHostGoEnvironment") + " to leave it out)");
                    }
                });
            }
        }
        return given;
    }
}
