package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.SettingNames;

import java.util.Map;

/**
 * How gocb spells the settings of core's specifications in messages: as its long options. Most
 * keys are the option in camelCase ({@code moduleCache} is {@code --module-cache}); the table
 * holds the others.
 */
final class CliSettingNames implements SettingNames {

    static final CliSettingNames INSTANCE = new CliSettingNames();

    private static final Map<String, String> OPTIONS = Map.ofEntries(
        Map.entry("mainPackage", "--package"),
        Map.entry("images", "--image"),
        Map.entry("ldflagsVars", "--ldflags-var"),
        Map.entry("buildArgs", "--build-arg"),
        Map.entry("platforms", "--platform"),
        Map.entry("labels", "--label"),
        Map.entry("baseImages", "--base-image"),
        Map.entry("buildSecrets", "--secret"),
        Map.entry("addHosts", "--add-host"),
        Map.entry("insecureRegistries", "--insecure-registry"),
        Map.entry("caches", "--cache"),
        Map.entry("sshKeySecret", "--ssh-key"),
        Map.entry("sshPassphraseSecret", "--ssh-passphrase-env"),
        Map.entry("netrc", "--netrc-host"),
        Map.entry("netrc.host", "--netrc-host"),
        Map.entry("netrc.login", "--netrc-user"),
        Map.entry("netrc.tokenVariable", "--netrc-token-env"),
        Map.entry("gitRewrites", "--git-rewrite"),
        Map.entry("caCertificates", "--ca-cert"),
        Map.entry("noHostGoEnvironment", "--no-host-go-env"),
        Map.entry("address", "--addr"),
        Map.entry("stateDirectory", "--state-dir"),
        Map.entry("tags", "--tag"),
        Map.entry("pullRequest", "--pr"),
        Map.entry("registryPasswordSecret", "--registry-password-env"));

    private CliSettingNames() {
    }

    @Override
    public String name(String key) {
        String option = OPTIONS.get(key);
        if (option != null) {
            return option;
        }
        StringBuilder kebab = new StringBuilder("--");
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
