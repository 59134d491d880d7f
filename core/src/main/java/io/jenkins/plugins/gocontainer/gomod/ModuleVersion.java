package io.jenkins.plugins.gocontainer.gomod;

import java.util.Objects;

/**
 * A module path and version, as go.mod, go.sum and vendor/modules.txt name them. The version is empty
 * for a replacement by a directory ({@code => ../fork}) and for a replace directive that applies to
 * every version of a path.
 */
public record ModuleVersion(String path, String version) {

    public ModuleVersion {
        Objects.requireNonNull(path, "path");
        version = version == null ? "" : version;
    }

    public static ModuleVersion of(String path, String version) {
        return new ModuleVersion(path, version);
    }

    public boolean hasVersion() {
        return !version.isEmpty();
    }

    /** {@code path@version}, or the path alone when there is no version: how the go command names it. */
    @Override
    public String toString() {
        return hasVersion() ? path + "@" + version : path;
    }
}
