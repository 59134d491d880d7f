package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.SettingNames;

import java.util.Map;

/**
 * How the steps spell the settings of core's specifications in messages: as their parameters.
 * Most keys are the parameter; the table holds those the steps take in another shape (a
 * credential instead of a secret's name, one {@code image} instead of {@code images}).
 */
public final class StepSettingNames implements SettingNames {

    public static final StepSettingNames INSTANCE = new StepSettingNames();

    private static final Map<String, String> PARAMETERS = Map.ofEntries(
        Map.entry("images", "image"),
        Map.entry("caches", "cache"),
        Map.entry("sshKey", "sshCredentialsId"),
        Map.entry("sshKeySecret", "sshCredentialsId"),
        Map.entry("sshPassphraseSecret", "sshCredentialsId"),
        Map.entry("netrc", "gitTokenCredentialsId"),
        Map.entry("netrc.host", "gitHost"),
        Map.entry("netrc.login", "gitTokenCredentialsId"),
        Map.entry("netrc.tokenVariable", "gitTokenCredentialsId"),
        Map.entry("registryUser", "registryCredentialsId"),
        Map.entry("registryPasswordSecret", "registryCredentialsId"),
        Map.entry("sizeOnBreach", "onBreach"),
        Map.entry("lintOnBreach", "onBreach"),
        Map.entry("prefix", "tagPrefix"),
        Map.entry("suffix", "tagSuffix"),
        Map.entry("caCertificateSecrets", "caCertificateCredentialsId"));

    private StepSettingNames() {
    }

    @Override
    public String name(String key) {
        return PARAMETERS.getOrDefault(key, key);
    }
}
