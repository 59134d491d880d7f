package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.creds.CertificateAuthorities;
import io.jenkins.plugins.gocontainer.creds.GitInsteadOf;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.KnownHosts;
import io.jenkins.plugins.gocontainer.creds.Netrc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generated Dockerfile's module download step mounts: SSH forwarding and the well-known
 * credential secrets when the build has them, and the GOPRIVATE family as build args. Nothing is
 * mounted that was not configured, and only the download step sees any of it.
 */
public record ModuleDownloadAccess(List<String> sshIds, Map<String, String> secretTargets, List<String> goVariables) {

    /** Where the download step mounts each well-known secret, for git and ssh to find it. */
    public static final Map<String, String> SECRET_TARGETS = Map.of(
        Netrc.SECRET_ID, "/root/.netrc",
        GitInsteadOf.SECRET_ID, "/root/.gitconfig",
        KnownHosts.SECRET_ID, "/root/.ssh/known_hosts",
        CertificateAuthorities.SECRET_ID, CertificateAuthorities.BUNDLE_TARGET);

    public ModuleDownloadAccess {
        sshIds = List.copyOf(sshIds);
        secretTargets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secretTargets));
        goVariables = List.copyOf(goVariables);
    }

    public static ModuleDownloadAccess none() {
        return new ModuleDownloadAccess(List.of(), Map.of(), List.of());
    }

    /** The access a request configures: its SSH mounts, well-known secrets and GOPRIVATE-family build args. */
    public static ModuleDownloadAccess of(BuildRequest request) {
        List<String> sshIds = request.sshMounts().stream().map(SshMount::id).distinct().toList();
        Map<String, String> targets = new LinkedHashMap<>();
        for (SecretMount secret : request.secrets()) {
            String target = SECRET_TARGETS.get(secret.id());
            if (target != null) {
                targets.put(secret.id(), target);
            }
        }
        List<String> variables = new ArrayList<>();
        for (String name : GoPrivateEnvironment.NAMES) {
            if (request.buildArgs().containsKey(name)) {
                variables.add(name);
            }
        }
        return new ModuleDownloadAccess(sshIds, targets, variables);
    }

    public boolean isEmpty() {
        return sshIds.isEmpty() && secretTargets.isEmpty() && goVariables.isEmpty();
    }
}
