package io.jenkins.plugins.gocontainer;

/**
 * How a front end spells the settings of the operations' specifications in messages: the CLI
 * writes {@code mainPackage} as {@code --package}, a Pipeline step as {@code mainPackage}.
 */
@FunctionalInterface
public interface SettingNames {

    /** The specification's own keys, which are also the Pipeline steps' parameter names. */
    SettingNames KEYS = key -> key;

    String name(String key);
}
