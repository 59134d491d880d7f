package io.jenkins.plugins.gocontainer.gomod;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What goModVendor is asked to do. Immutable.
 *
 * @param context     the module root, with go.mod and go.sum
 * @param mode        vendor or download
 * @param moduleCache the module cache (GOMODCACHE) to download into; null for the default: in download mode
 *                    {@code <context>/.gocb/gomodcache}, in vendor mode the go command's own cache
 * @param environment extra environment for every go command: credentials and private-module settings
 *                    (GIT_SSH_COMMAND, NETRC, GIT_CONFIG_GLOBAL, GOPRIVATE, ...). Values may be secret: they are
 *                    passed to go only, never logged or printed, and {@link #toString()} names the variables only.
 *                    Secret values must also be registered with the runner's masker by whoever creates them.
 * @param go          the go command: {@code go} from the PATH, a path to the executable, or a Go installation directory
 */
public record ModuleFetchRequest(Path context, GoModMode mode, Path moduleCache, Map<String, String> environment, String go) {

    /** The default module cache for download mode, relative to the context. Go skips dot directories in ./... patterns. */
    public static final String DEFAULT_MODULE_CACHE = ".gocb/gomodcache";

    public ModuleFetchRequest {
        Objects.requireNonNull(context, "context");
        mode = mode == null ? GoModMode.DEFAULT : mode;
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment == null ? Map.of() : environment));
        environment.forEach((name, value) -> Objects.requireNonNull(value, () -> "the environment variable " + name + " has no value"));
        go = go == null || go.isBlank() ? GoToolchainFinder.ON_PATH : go;
    }

    public static ModuleFetchRequest of(Path context, GoModMode mode) {
        return new ModuleFetchRequest(context, mode, null, Map.of(), null);
    }

    public ModuleFetchRequest withModuleCache(Path directory) {
        return new ModuleFetchRequest(context, mode, directory, environment, go);
    }

    public ModuleFetchRequest withEnvironment(Map<String, String> variables) {
        return new ModuleFetchRequest(context, mode, moduleCache, variables, go);
    }

    public ModuleFetchRequest withGo(String executable) {
        return new ModuleFetchRequest(context, mode, moduleCache, environment, executable);
    }

    /** The module cache go downloads into, absolute; null in vendor mode without an explicit cache (go's own). */
    public Path effectiveModuleCache() {
        if (moduleCache != null) {
            return moduleCache.toAbsolutePath().normalize();
        }
        return mode == GoModMode.DOWNLOAD ? context.toAbsolutePath().normalize().resolve(DEFAULT_MODULE_CACHE) : null;
    }

    /** Names the environment's variables, never their values. */
    @Override
    public String toString() {
        return "ModuleFetchRequest[context=" + context + ", mode=" + mode + ", moduleCache=" + moduleCache
                + ", environment=" + environment.keySet() + ", go=" + go + "]";
    }
}
