package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A target platform, {@code os/arch[/variant]}, limited to what a static Go binary in a Linux
 * image can target.
 */
public record Platform(String os, String architecture, String variant) implements java.io.Serializable {

    private static final Map<String, Set<String>> VARIANTS = Map.of(
        "arm", Set.of("v6", "v7"),
        "arm64", Set.of("v8"),
        "amd64", Set.of("v2", "v3", "v4"));
    private static final List<String> ARCHITECTURES =
        List.of("amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64", "mips64le", "loong64");

    /** This machine's platform, as Go names it: the one a cache filled here was built for. */
    public static Platform host() {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "arm" -> "arm";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            default -> System.getProperty("os.arch");
        };
        return new Platform("linux", arch, null);
    }

    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw invalid(text, "a platform is written os/arch or os/arch/variant, for example linux/amd64 or linux/arm/v7");
        }
        String os = parts[0];
        String arch = parts[1];
        String variant = parts.length == 3 ? parts[2] : null;
        if (!os.equals("linux")) {
            throw invalid(text, "operating system '" + os + "' is not supported: go-container-build builds Linux images");
        }
        if (!ARCHITECTURES.contains(arch)) {
            throw invalid(text, "unknown architecture '" + arch + "'; known: " + String.join(", ", ARCHITECTURES));
        }
        if (variant != null && !VARIANTS.getOrDefault(arch, Set.of()).contains(variant)) {
            throw invalid(text, "architecture " + arch + " has no variant '" + variant + "'"
                + (VARIANTS.containsKey(arch) ? "; known: " + String.join(", ", VARIANTS.get(arch).stream().sorted().toList()) : ""));
        }
        return new Platform(os, arch, variant);
    }

    private static InvalidBuildRequestException invalid(String text, String why) {
        return new InvalidBuildRequestException("invalid platform '" + text + "'", why,
            "pass platforms such as {@platforms} linux/amd64,linux/arm64");
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
