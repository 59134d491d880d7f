package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * What {@link GoModVendor} is asked to do: every setting of {@code gocb vendor} and of the
 * {@code goModVendor} step. Immutable and serializable; holds names of secrets, never values.
 *
 * @param moduleCache the module cache to download into; default {@code <context>/.gocb/gomodcache} in download mode
 * @param go          the go executable or Go installation directory; default {@code go} on the environment's PATH
 * @param cacheStore  {@code dir=PATH} or {@code registry=REPO}: restore the module cache before, save it after a miss
 */
public record GoModVendorSpec(String context, GoModMode mode, String moduleCache, String go, String cacheStore, List<String> insecureRegistries,
                              PrivateModuleSettings privateModules) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GoModVendorSpec {
        context = context == null || context.isBlank() ? "." : context;
        mode = mode == null ? GoModMode.DEFAULT : mode;
        insecureRegistries = List.copyOf(insecureRegistries);
        privateModules = privateModules == null ? PrivateModuleSettings.none() : privateModules;
        if (cacheStore != null && mode != GoModMode.DOWNLOAD) {
            throw new InvalidBuildRequestException(setting("cacheStore") + " applies to download mode",
                "vendor mode keeps the modules in vendor/, committed with the sources",
                "drop " + setting("cacheStore") + ", or use " + setting("mode") + " download");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects a specification. */
    public static final class Builder {
        private String context = ".";
        private GoModMode mode = GoModMode.DEFAULT;
        private String moduleCache;
        private String go;
        private String cacheStore;
        private final List<String> insecureRegistries = new ArrayList<>();
        private PrivateModuleSettings privateModules = PrivateModuleSettings.none();

        private Builder() {
        }

        public Builder context(String value) {
            context = value;
            return this;
        }

        /** {@code download} or {@code vendor}. */
        public Builder mode(String value) {
            mode = GoModMode.parse(value);
            return this;
        }

        public Builder mode(GoModMode value) {
            mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        public Builder moduleCache(String value) {
            moduleCache = value;
            return this;
        }

        public Builder go(String value) {
            go = value;
            return this;
        }

        public Builder cacheStore(String value) {
            cacheStore = value;
            return this;
        }

        public Builder insecureRegistries(List<String> values) {
            insecureRegistries.addAll(values);
            return this;
        }

        public Builder privateModules(PrivateModuleSettings value) {
            privateModules = Objects.requireNonNull(value, "privateModules");
            return this;
        }

        public GoModVendorSpec build() {
            return new GoModVendorSpec(context, mode, moduleCache, go, cacheStore, insecureRegistries, privateModules);
        }
    }
}
