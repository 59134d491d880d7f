package io.jenkins.plugins.gocontainer.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to do when a base image cannot be pulled, fitted to what the stages built on it run: a
 * root filesystem handed to BuildKit must hold whatever their {@code RUN}s call. Every command it
 * prints works when followed literally.
 */
public final class BaseImageAdvice {

    /** Commands that need a distribution's root filesystem, and what that root filesystem must then be. */
    private static final List<Requirement> REQUIREMENTS = List.of(
        new Requirement("apk", "an Alpine root filesystem with apk"),
        new Requirement("apt-get", "a Debian or Ubuntu root filesystem with apt-get"),
        new Requirement("apt", "a Debian or Ubuntu root filesystem with apt"),
        new Requirement("dnf", "a Fedora or RHEL root filesystem with dnf"),
        new Requirement("microdnf", "a RHEL UBI root filesystem with microdnf"),
        new Requirement("yum", "a CentOS or RHEL root filesystem with yum"),
        new Requirement("zypper", "an openSUSE root filesystem with zypper"),
        new Requirement("useradd", "a root filesystem with useradd (shadow utilities) and /etc/passwd"),
        new Requirement("adduser", "a root filesystem with adduser and /etc/passwd"),
        new Requirement("groupadd", "a root filesystem with groupadd and /etc/group"),
        new Requirement("addgroup", "a root filesystem with addgroup and /etc/group"));

    private record Requirement(String command, String rootFilesystem) {
        Pattern pattern() {
            return Pattern.compile("(?:^|[\\s;&|(`])(?:\\S*/)?" + Pattern.quote(command) + "(?=\\s|$)");
        }
    }

    private BaseImageAdvice() {
    }

    /**
     * The remedy for {@code image} (as BuildKit reported it) that {@code dockerfile}'s stages could
     * not start from; {@code {@baseImages}} and {@code {@dockerfile}} name the front end's settings.
     */
    public static String remedy(String image, DockerfileImages dockerfile, boolean generatedDockerfile) {
        String name = BaseImageMappings.lookupName(image);
        List<DockerfileImages.Stage> stages = dockerfile.stages().stream()
            .filter(DockerfileImages.Stage::fromImage)
            .filter(stage -> BaseImageMappings.sameImage(stage.base(), name))
            .toList();
        Optional<Requirement> needed = stages.stream().flatMap(stage -> stage.runCommands().stream()).map(BaseImageAdvice::requirement)
            .flatMap(Optional::stream).findFirst();
        String escape = generatedDockerfile ? "" : ", or build with the generated Dockerfile instead ({@dockerfile} generated)";
        if (needed.isPresent()) {
            return "fix the name or point FROM at a mirror; or replace the image with a local root filesystem: the stage runs "
                + needed.get().command() + ", so it must be " + needed.get().rootFilesystem() + " and what that installs (or a reachable package"
                + " mirror). Make DIR where " + image + " can be pulled (mkdir DIR && docker export $(docker create " + name + ") | tar -x -C DIR)"
                + " and give {@baseImages} " + name + "=DIR" + escape;
        }
        if (isGolang(name)) {
            return "fix the name or point FROM at a mirror; or hand BuildKit a local root filesystem with Go, which ./dev/gobase makes from"
                + " this machine's Go: {@baseImages} " + name + "=$(./dev/gobase)" + escape;
        }
        return "fix the name or point FROM at a mirror; or hand BuildKit a local root filesystem of the image: {@baseImages} " + name
            + "=DIR, with DIR made where " + image + " can be pulled (mkdir DIR && docker export $(docker create " + name + ") | tar -x -C DIR)"
            + escape;
    }

    private static boolean isGolang(String name) {
        String lastComponent = name.substring(name.lastIndexOf('/') + 1).replaceAll("[:@].*$", "");
        return lastComponent.equals("golang");
    }

    private static Optional<Requirement> requirement(String run) {
        String command = run.toLowerCase(Locale.ROOT);
        for (Requirement requirement : REQUIREMENTS) {
            Matcher matcher = requirement.pattern().matcher(command);
            if (matcher.find()) {
                return Optional.of(requirement);
            }
        }
        return Optional.empty();
    }
}
