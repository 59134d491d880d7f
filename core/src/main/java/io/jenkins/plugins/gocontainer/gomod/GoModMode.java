package io.jenkins.plugins.gocontainer.gomod;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How goModVendor makes the module graph available to an offline build. */
public enum GoModMode {
    /** {@code go mod vendor}: the build reads vendor/ with -mod=vendor. */
    VENDOR,
    /** {@code go mod download} into a module cache whose cache/download the build reads as a file:// GOPROXY. */
    DOWNLOAD;

    public static final GoModMode DEFAULT = DOWNLOAD;

    /** The name users write: {@code vendor}, {@code download}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GoModMode parse(String text) {
        for (GoModMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        String choices = Arrays.stream(values()).map(GoModMode::label).collect(Collectors.joining(", "));
        throw new InvalidVendorRequestException("unknown module mode '" + text + "'",
                "vendor runs `go mod vendor` (the build uses vendor/); download runs `go mod download` into a workspace module cache",
                "use one of: " + choices);
    }

    @Override
    public String toString() {
        return label();
    }
}
