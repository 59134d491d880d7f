package io.jenkins.plugins.gocontainer.plan;

import java.util.Objects;

/**
 * What the generated Dockerfile compiles, as data: the main package, where the binary goes in the
 * image and where the modules come from. The go engine compiles the same binary on the agent.
 *
 * @param mainPackage  {@code .} or {@code ./dir}, relative to go.mod
 * @param binaryPath   the binary's absolute path in the image (also its entrypoint)
 * @param moduleSource where go finds the modules
 * @param importsC     a file of the main package imports "C": it needs cgo, which the generated build turns off
 */
public record GoBinary(String mainPackage, String binaryPath, ModuleSource moduleSource, boolean importsC) {

    public GoBinary {
        Objects.requireNonNull(mainPackage, "mainPackage");
        Objects.requireNonNull(binaryPath, "binaryPath");
        Objects.requireNonNull(moduleSource, "moduleSource");
    }
}
