package io.jenkins.plugins.gocontainer.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a fixture's server process together with every process it started. */
public final class ProcessTree {

    private static final long GRACE_SECONDS = 10;

    private ProcessTree() {
    }

    /**
     * Terminates {@code root} and all its descendants, forcibly after a grace period.
     *
     * <p>The descendants are listed before the root is signalled: once it exits they are
     * re-parented and no longer reachable from it (sshd, for one, leaves its sessions running
     * when it is terminated).
     */
    public static void stop(ProcessHandle root) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            awaitExit(process);
        }
    }

    /** Those of {@code processes} that are still running. */
    public static List<ProcessHandle> alive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    private static void awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException stubborn) {
            process.destroyForcibly();
            try {
                process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IllegalStateException("process " + process.pid() + " survived SIGKILL", e);
            }
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
