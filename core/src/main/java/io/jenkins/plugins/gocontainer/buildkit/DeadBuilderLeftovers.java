package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a buildkitd that died without cleaning up (SIGKILL, a crash, an agent reboot without
 * systemd) leaves under its state directory: its build steps' containers, still running with
 * parent 1, and their mounts, among them the tmpfs that holds each {@code --secret} in plain text.
 * Removed before the embedded builder starts again, with a line that says what was removed.
 */
final class DeadBuilderLeftovers {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private final Path stateDirectory;
    private final CommandRunner runner;

    DeadBuilderLeftovers(Path stateDirectory, CommandRunner runner) {
        this.stateDirectory = stateDirectory;
        this.runner = runner;
    }

    /** Removes the containers and mounts of a dead builder; call only while no buildkitd uses the state directory. */
    void remove(OutputSink log) throws IOException, InterruptedException {
        List<String> containers = removeContainers();
        List<Path> mounts = unmount(mountsUnder(stateDirectory, Files.readString(MOUNT_INFO)));
        if (!containers.isEmpty() || !mounts.isEmpty()) {
            long secrets = mounts.stream().filter(DeadBuilderLeftovers::holdsSecrets).count();
            log.line("gocb: the embedded builder had stopped without cleaning up (killed?); removed " + containers.size()
                + " build-step container(s) still running and " + mounts.size() + " mount(s)" + (secrets > 0 ? ", " + secrets + " of them holding secrets" : "")
                + " under " + stateDirectory);
        }
    }

    /** runc's containers whose bundle lies in the state directory, killed and deleted. */
    private List<String> removeContainers() throws IOException, InterruptedException {
        if (runner.locate("runc", Map.of()).isEmpty()) {
            return List.of();
        }
        List<String> output = new ArrayList<>();
        CommandResult listed = runner.run(Command.of("runc", "list", "--format", "json"), output::add);
        if (!listed.succeeded()) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        for (String id : containersIn(String.join("\n", output), stateDirectory)) {
            if (runner.run(Command.of("runc", "delete", "--force", id), OutputSink.discard()).succeeded()) {
                removed.add(id);
            }
        }
        return removed;
    }

    static List<String> containersIn(String runcListJson, Path stateDirectory) {
        Object parsed;
        try {
            parsed = runcListJson.isBlank() ? null : Json.parse(runcListJson);
        } catch (JsonSyntaxException notJson) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (parsed instanceof List<?> containers) {
            for (Object container : containers) {
                if (container instanceof Map<?, ?> fields && fields.get("id") instanceof String id && fields.get("bundle") instanceof String bundle
                    && Path.of(bundle).normalize().startsWith(stateDirectory)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** The mount points under {@code directory} in {@code mountInfo} (the format of /proc/self/mountinfo), deepest first. */
    static List<Path> mountsUnder(Path directory, String mountInfo) {
        List<Path> mounts = new ArrayList<>();
        for (String line : mountInfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4) {
                Path mountPoint = Path.of(unescape(fields[4]));
                if (mountPoint.startsWith(directory) && !mountPoint.equals(directory)) {
                    mounts.add(mountPoint);
                }
            }
        }
        mounts.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return mounts;
    }

    private List<Path> unmount(List<Path> mounts) throws IOException, InterruptedException {
        List<Path> removed = new ArrayList<>();
        for (Path mount : mounts) {
            if (runner.run(Command.of("umount", mount.toString()), OutputSink.discard()).succeeded()
                || runner.run(Command.of("umount", "--lazy", mount.toString()), OutputSink.discard()).succeeded()) {
                removed.add(mount);
                if (holdsSecrets(mount)) {
                    Files.deleteIfExists(mount);
                }
            }
        }
        return removed;
    }

    /** BuildKit mounts each build's secrets on a tmpfs named buildkit-secrets* in its TMPDIR. */
    private static boolean holdsSecrets(Path mount) {
        return mount.getFileName().toString().startsWith("buildkit-secrets");
    }

    /** mountinfo escapes space, tab, newline and backslash as octal. */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
