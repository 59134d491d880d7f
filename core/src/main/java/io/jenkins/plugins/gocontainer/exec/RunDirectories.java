package io.jenkins.plugins.gocontainer.exec;

import io.jenkins.plugins.gocontainer.cache.Trees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names the temporary directories of a run (secrets, build files) after the process that owns
 * them, so that a later run can tell the directories of a process that was killed before it could
 * clean up ({@code kill -KILL}, an agent that lost power) from those of a run still going, and
 * remove them.
 *
 * <p>A directory is named {@code PREFIX<pid>.<start millis>-<random>}: the start time tells a
 * reused pid from its first owner.
 */
public final class RunDirectories {

    /** The kinds of temporary directory gocb makes; only these are ever reaped. */
    public static final List<String> PREFIXES = List.of("gocb-secrets-", "gocb-build-", "gocb-go-build-cache-");

    private static final Pattern OWNER = Pattern.compile("(\\d+)\\.(\\d+)-\\d+");
    /** Process start times are read from /proc in clock ticks; two readers may round differently. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private RunDirectories() {
    }

    /** The prefix for a temporary directory of kind {@code prefix} (one of {@link #PREFIXES}) owned by this JVM. */
    public static String ownedPrefix(String prefix) {
        if (!PREFIXES.contains(prefix)) {
            throw new IllegalArgumentException("not a run directory prefix: " + prefix);
        }
        return prefix + ProcessHandle.current().pid() + "." + startMillis(ProcessHandle.current()).orElse(0L) + "-";
    }

    /**
     * Deletes, under {@code temporary}, the run directories whose owner process has ended, and
     * returns them. Directories of live processes, of other users (not deletable) and without an
     * owner in their name are left alone.
     */
    public static List<Path> reapAbandoned(Path temporary) {
        List<Path> removed = new ArrayList<>();
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(temporary)) {
            candidates = entries.filter(Files::isDirectory).toList();
        } catch (IOException unreadable) {
            return removed;
        }
        for (Path directory : candidates) {
            if (isAbandoned(directory.getFileName().toString())) {
                try {
                    Trees.delete(directory);
                    removed.add(directory);
                } catch (IOException notOurs) {
                    // another user's, or going away under us: not ours to report
                }
            }
        }
        return removed;
    }

    static boolean isAbandoned(String name) {
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                Matcher owner = OWNER.matcher(name.substring(prefix.length()));
                if (!owner.matches()) {
                    return false;
                }
                long started = Long.parseLong(owner.group(2));
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(owner.group(1)));
                return process.isEmpty() || process.flatMap(RunDirectories::startMillis)
                    .map(actual -> Math.abs(actual - started) > START_TOLERANCE.toMillis()).orElse(false);
            }
        }
        return false;
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
