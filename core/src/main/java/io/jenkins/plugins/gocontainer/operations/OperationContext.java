package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.SettingNames;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an operation runs, as its caller knows it: the workspace every relative path is resolved
 * against, the environment every child process gets (and whose {@code PATH} finds go, buildctl,
 * git and ssh-agent), the log, and the secret values the caller resolved (a Jenkins credential,
 * a variable the CLI read). Nothing is taken from this JVM's own process, whose working directory
 * and environment are an agent's, not a build's.
 *
 * <p>Every secret is registered with the context's masker when the context is made, so that the
 * first line any command prints is already masked.
 */
public final class OperationContext {

    private final Path workspace;
    private final Map<String, String> environment;
    private final Map<String, String> secrets;
    private final SecretMasker masker;
    private final OutputSink unmaskedLog;
    private final OutputSink log;
    private final SettingNames settingNames;

    private OperationContext(Path workspace, Map<String, String> environment, Map<String, String> secrets, OutputSink log,
                             SettingNames settingNames) {
        if (!workspace.isAbsolute()) {
            throw new IllegalArgumentException("the workspace must be an absolute path: " + workspace);
        }
        this.workspace = workspace.normalize();
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        this.masker = SecretMasker.none();
        this.secrets.values().forEach(masker::register);
        this.unmaskedLog = Objects.requireNonNull(log, "log");
        this.log = masker.masking(unmaskedLog);
        this.settingNames = Objects.requireNonNull(settingNames, "settingNames");
    }

    /**
     * @param workspace   absolute; relative paths of a specification are resolved against it
     * @param environment the build's variables, exactly what child processes get
     * @param log         receives every line, already masked
     */
    public static OperationContext of(Path workspace, Map<String, String> environment, OutputSink log) {
        return new OperationContext(workspace, environment, Map.of(), log, SettingNames.KEYS);
    }

    /** The same context with secret values under the names a specification uses for them, registered with the masker. */
    public OperationContext withSecrets(Secrets values) {
        Map<String, String> all = new LinkedHashMap<>(secrets);
        all.putAll(values.values());
        return new OperationContext(workspace, environment, all, unmaskedLog, settingNames);
    }

    /** The same context, naming settings in notes as the caller's front end spells them (the CLI: its options). */
    public OperationContext withSettingNames(SettingNames names) {
        return new OperationContext(workspace, environment, secrets, unmaskedLog, names);
    }

    /** The same context with one more environment variable for child processes and registry clients. */
    OperationContext withEnvironmentVariable(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put(name, value);
        return new OperationContext(workspace, all, secrets, unmaskedLog, settingNames);
    }

    /** Logs a note for the user, with its settings spelled for the caller's front end. */
    public void note(String text) {
        log.line("gocb: note: " + GocbException.render(text, settingNames));
    }

    /** Logs a warning for the user, with its settings spelled for the caller's front end. */
    public void warning(String text) {
        log.line("gocb: warning: " + GocbException.render(text, settingNames));
    }

    public Path workspace() {
        return workspace;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public OutputSink log() {
        return log;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** A runner for this context: its environment, its masker. */
    public CommandRunner runner() {
        return new CommandRunner(masker, environment);
    }

    /** {@code path} against the workspace; null stays null. */
    public Path resolve(String path) {
        return path == null ? null : workspace.resolve(path).normalize();
    }

    /** The user's home, from {@code HOME} of the given environment (for ~/.docker/config.json and ~/.ssh/known_hosts). */
    public Path home() {
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? workspace : Path.of(home);
    }

    /**
     * Where secrets are looked up by name: the resolved secret values first, then the environment
     * (the CLI names variables such as {@code --netrc-token-env GIT_TOKEN}). Never given to a child process.
     */
    Map<String, String> secretLookup() {
        Map<String, String> lookup = new LinkedHashMap<>(environment);
        lookup.putAll(secrets);
        return lookup;
    }

    /** The value of the secret {@code name}, for {@code setting}. */
    String secret(String name, String setting) {
        String value = secretLookup().get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidBuildRequestException("the secret " + name + " for " + GocbException.setting(setting)
                + " has no value", "it is read from the credentials the caller resolved or from the environment variable of that name",
                "set " + name + " (in Jenkins: bind the credential, e.g. withCredentials) before the build");
        }
        return value;
    }

    @Override
    public String toString() {
        return "OperationContext[workspace=" + workspace + ", environment=" + environment.keySet() + ", secrets=" + secrets.keySet() + "]";
    }
}
