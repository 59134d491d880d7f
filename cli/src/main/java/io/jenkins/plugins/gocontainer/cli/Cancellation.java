package io.jenkins.plugins.gocontainer.cli;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGINT/SIGTERM into an interrupt of the working thread, and holds the JVM's exit until
 * that thread has stopped the BuildKit client and removed its temporary files.
 */
final class Cancellation {

    /** Work that may be cancelled by interruption. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException, InterruptedException;
    }

    private static final long CLEANUP_WAIT_MILLIS = 20_000;

    private Cancellation() {
    }

    static <T> T runCancellable(Work<T> work) throws IOException, InterruptedException {
        Thread worker = Thread.currentThread();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread hook = new Thread(() -> {
            if (running.get()) {
                worker.interrupt();
                try {
                    worker.join(CLEANUP_WAIT_MILLIS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "gocb-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } finally {
            running.set(false);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of a signal; the hook is waiting for us to return
            }
        }
    }
}
