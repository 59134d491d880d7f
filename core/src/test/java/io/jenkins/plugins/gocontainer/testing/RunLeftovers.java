package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The temporary directories a test's run added to {@code java.io.tmpdir} and did not remove.
 *
 * <p>The temporary directory is the machine's: a killed run of another process may have left
 * entries there, and the run under test may rightly reap them. So a test compares what was added,
 * never the whole listing.
 */
public final class RunLeftovers {

    public static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final Predicate<String> kind;
    private final Set<String> before;

    private RunLeftovers(Predicate<String> kind) throws IOException {
        this.kind = kind;
        this.before = Set.copyOf(names(kind));
    }

    /** Notes the entries of {@code java.io.tmpdir} whose names {@code kind} matches, before the run. */
    public static RunLeftovers watch(Predicate<String> kind) throws IOException {
        return new RunLeftovers(kind);
    }

    /** Notes the entries whose names start with {@code prefix}. */
    public static RunLeftovers watchPrefix(String prefix) throws IOException {
        return watch(name -> name.startsWith(prefix));
    }

    /** The matching entries there now that were not there when watching began, sorted. */
    public List<String> added() throws IOException {
        return names(kind).stream().filter(name -> !before.contains(name)).toList();
    }

    private static List<String> names(Predicate<String> kind) throws IOException {
        try (Stream<Path> entries = Files.list(TMP)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(kind).sorted().collect(Collectors.toList());
        }
    }

    @Override
    public String toString() {
        return "entries added to " + TMP;
    }
}
