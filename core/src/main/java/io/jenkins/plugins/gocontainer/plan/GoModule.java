package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the build needs to know of a go.mod: where it is, the module path, the {@code go} and
 * {@code toolchain} versions, and whether it requires other modules (and so needs a go.sum).
 */
public record GoModule(Path goMod, String modulePath, String goVersion, Optional<String> toolchain, boolean hasRequirements) {

    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+\"?([^\\s\"]+)\"?");
    private static final Pattern GO = Pattern.compile("(?m)^\\s*go\\s+([0-9]+\\.[0-9]+(?:\\.[0-9]+)?(?:(?:rc|beta)[0-9]+)?)\\s*$");
    private static final Pattern TOOLCHAIN = Pattern.compile("(?m)^\\s*toolchain\\s+go([0-9][^\\s]*)\\s*$");
    private static final Pattern REQUIRE = Pattern.compile("(?m)^\\s*require\\b");

    public static GoModule read(Path goMod) throws IOException {
        String text = Files.readString(goMod);
        String withoutComments = text.replaceAll("(?m)//.*$", "");
        Matcher module = MODULE.matcher(withoutComments);
        if (!module.find()) {
            throw new InvalidBuildRequestException(goMod + " has no module directive",
                "a go.mod must start with 'module <path>'", "run 'go mod init <module path>' in the module's directory");
        }
        Matcher go = GO.matcher(withoutComments);
        String goVersion = go.find() ? go.group(1) : null;
        if (goVersion == null) {
            throw new InvalidBuildRequestException(goMod + " has no go directive",
                "the go directive decides which golang builder image is used",
                "add a line such as 'go 1.26' to go.mod (or run 'go mod edit -go=1.26')");
        }
        Matcher toolchain = TOOLCHAIN.matcher(withoutComments);
        return new GoModule(goMod, module.group(1), goVersion,
            toolchain.find() ? Optional.of(toolchain.group(1)) : Optional.empty(),
            REQUIRE.matcher(withoutComments).find());
    }

    public Path directory() {
        return goMod.getParent();
    }

    /** The last element of the module path that is not a major-version suffix: a good binary name. */
    public String binaryName() {
        String[] elements = modulePath.split("/");
        for (int i = elements.length - 1; i >= 0; i--) {
            if (!elements[i].matches("v[0-9]+") || i == 0) {
                return elements[i].replaceAll("[^A-Za-z0-9_.-]", "-");
            }
        }
        return "app";
    }

    /** The builder image's tag: {@code major.minor} of the go directive (the golang image's moving patch tag). */
    public String builderImageTag() {
        String[] parts = goVersion.split("\\.");
        return parts[0] + "." + parts[1].replaceAll("(rc|beta).*", "");
    }
}
