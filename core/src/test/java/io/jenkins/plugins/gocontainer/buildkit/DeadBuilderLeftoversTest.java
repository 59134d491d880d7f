package io.jenkins.plugins.gocontainer.buildkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DeadBuilderLeftoversTest {

    private static final Path STATE = Path.of("/var/lib/gocb state/buildkit");

    @Test
    void findsTheMountsUnderTheStateDirectoryDeepestFirstWithEscapedNames() {
        String mountInfo = String.join("\n",
            "22 1 0:21 / / rw,relatime - overlay overlay rw",
            "23 22 0:22 / /var/lib/gocb\\040state/buildkit/root/runc-overlayfs/executor/abc/rootfs rw - overlay overlay rw",
            "24 22 0:23 / /var/lib/gocb\\040state/buildkit/tmp/buildkit-secrets123 rw - tmpfs tmpfs rw",
            "25 22 0:24 / /var/lib/gocb\\040state/buildkit-other/tmp rw - tmpfs tmpfs rw",
            "26 22 0:25 / /var/lib/gocb\\040state/buildkit rw - ext4 /dev/sda1 rw");

        assertThat(DeadBuilderLeftovers.mountsUnder(STATE, mountInfo)).containsExactly(
            STATE.resolve("root/runc-overlayfs/executor/abc/rootfs"), STATE.resolve("tmp/buildkit-secrets123"));
    }

    @Test
    void findsOnlyTheContainersWhoseBundleIsInTheStateDirectory() {
        String list = "[{\"id\":\"ours\",\"pid\":10,\"status\":\"running\",\"bundle\":\"/var/lib/gocb state/buildkit/root/runc-overlayfs/executor/ours\"},"
            + "{\"id\":\"docker\",\"pid\":11,\"status\":\"running\",\"bundle\":\"/run/containerd/io.containerd.runtime.v2.task/moby/x\"}]";

        assertThat(DeadBuilderLeftovers.containersIn(list, STATE)).containsExactly("ours");
        assertThat(DeadBuilderLeftovers.containersIn("null", STATE)).isEmpty();
        assertThat(DeadBuilderLeftovers.containersIn("", STATE)).isEmpty();
    }
}
