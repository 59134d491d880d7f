package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.exec.ShellQuoting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same credentials for the go command on the agent (goModVendor) as the build gets, as
 * environment variables: nothing is written to the user's home. git configuration is added with
 * {@code GIT_CONFIG_COUNT} (the user's own configuration still applies), tokens go through a
 * credential store file in the private directory (git does not read a netrc named by variable),
 * and SSH checks host keys against the given known_hosts only.
 */
final class HostGitEnvironment {

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Map.Entry<String, String>> gitConfig = new ArrayList<>();

    HostGitEnvironment goVariables(Map<String, String> goBuildArgs) {
        variables.putAll(goBuildArgs);
        return this;
    }

    HostGitEnvironment rewrites(GitInsteadOf rewrites) {
        gitConfig.addAll(rewrites.entries());
        return this;
    }

    /**
     * SSH for git: the key file (or the agent's socket) and the known_hosts of the build, with
     * strict host key checking and never a prompt.
     */
    HostGitEnvironment ssh(Path knownHosts, Optional<Path> keyFile, Optional<Path> agentSocket) {
        List<String> command = new ArrayList<>(List.of("ssh", "-o", "UserKnownHostsFile=" + knownHosts,
            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"));
        keyFile.ifPresent(key -> command.addAll(List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes")));
        variables.put("GIT_SSH_COMMAND", ShellQuoting.join(command));
        agentSocket.ifPresent(socket -> variables.put("SSH_AUTH_SOCK", socket.toString()));
        return this;
    }

    /** Tokens for HTTPS hosts through git's store helper; an empty helper first drops the user's helpers for these fetches. */
    HostGitEnvironment credentialStore(Path storeFile) {
        gitConfig.add(Map.entry("credential.helper", ""));
        gitConfig.add(Map.entry("credential.helper", "store --file=" + ShellQuoting.quote(storeFile.toString())));
        return this;
    }

    HostGitEnvironment certificateBundle(Path bundle) {
        variables.put("SSL_CERT_FILE", bundle.toString());
        variables.put("GIT_SSL_CAINFO", bundle.toString());
        return this;
    }

    /** The lines of a git credential store for each netrc login, over https and http. */
    static String credentialStoreText(List<Netrc.Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Netrc.Entry entry : entries) {
            String userInfo = encode(entry.login()) + ":" + encode(entry.token());
            text.append("https://").append(userInfo).append('@').append(entry.host()).append('\n');
            text.append("http://").append(userInfo).append('@').append(entry.host()).append('\n');
        }
        return text.toString();
    }

    Map<String, String> variables() {
        Map<String, String> all = new LinkedHashMap<>(variables);
        if (!gitConfig.isEmpty()) {
            all.put("GIT_CONFIG_COUNT", Integer.toString(gitConfig.size()));
            for (int i = 0; i < gitConfig.size(); i++) {
                all.put("GIT_CONFIG_KEY_" + i, gitConfig.get(i).getKey());
                all.put("GIT_CONFIG_VALUE_" + i, gitConfig.get(i).getValue());
            }
        }
        return all;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
