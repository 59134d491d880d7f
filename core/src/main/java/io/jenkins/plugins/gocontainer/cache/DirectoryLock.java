package io.jenkins.plugins.gocontainer.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on a cache directory between threads and processes: an in-process lock per
 * directory, then an exclusive {@link java.nio.channels.FileLock} on its {@code .lock} file. The
 * in-process lock is needed because file locks belong to the whole JVM, which may hold only one
 * per file at a time.
 */
public final class DirectoryLock implements AutoCloseable {

    static final String LOCK_FILE = ".lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private DirectoryLock(ReentrantLock threadLock, FileChannel channel) {
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /** @param directory an existing directory, as a real path, so that every spelling of it shares one lock */
    static DirectoryLock acquire(Path directory) throws IOException, InterruptedException {
        return lock(directory.resolve(LOCK_FILE));
    }

    /**
     * A lock for replacing {@code target} (which may not exist yet): its file is a hidden sibling,
     * {@code .NAME.lock}, so that nothing is added inside the user's directory.
     */
    public static DirectoryLock onTarget(Path target) throws IOException, InterruptedException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(absolute.getParent()).toRealPath();
        return lock(parent.resolve("." + absolute.getFileName() + ".lock"));
    }

    private static DirectoryLock lock(Path lockFile) throws IOException, InterruptedException {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, file -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("the lock " + lockFile + " is already held by this thread");
        }
        threadLock.lockInterruptibly();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new DirectoryLock(threadLock, channel);
        } catch (IOException | RuntimeException | Error e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the file lock
        } finally {
            threadLock.unlock();
        }
    }
}
