package io.jenkins.plugins.gocontainer.gomod;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The go command gocb runs, and its version. {@link #check} compares it with what a go.mod asks for:
 * the {@code go} line is a requirement; the {@code toolchain} line only a preference, which go itself
 * ignores when it may not switch toolchains (GOTOOLCHAIN=local, as gocb runs it).
 */
public record GoToolchain(Path executable, GoVersion version) {

    public GoToolchain {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Fails when this go is older than the module's go line; returns a note when it is only older than
     * the toolchain line.
     *
     * @throws GoVersionTooOldException naming both versions
     */
    public Optional<String> check(GoModFile goMod) {
        if (goMod.goVersion() != null && !version.isAtLeast(goMod.goVersion())) {
            throw new GoVersionTooOldException(goMod.module(), goMod.goVersion(), this);
        }
        if (goMod.toolchain() != null && !version.isAtLeast(goMod.toolchain())) {
            return Optional.of("go.mod prefers toolchain go" + goMod.toolchain() + "; using go" + version
                    + (goMod.goVersion() == null ? "" : ", which its go line (go " + goMod.goVersion() + ") allows"));
        }
        return Optional.empty();
    }
}
