package io.jenkins.plugins.gocontainer.cache;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Several JVMs on one cache directory, as concurrent builds on one agent: the file lock must hold across processes. */
class DirectoryCacheStoreProcessesIT {

    private static final int PROCESSES = 3;
    private static final int ROUNDS = 12;

    @TempDir
    Path temp;

    @Test
    void processesSavingAndRestoringTheSameKeysNeverCorruptTheStore() throws Exception {
        for (int i = 0; i < DirectoryCacheStoreWorker.KEYS.length; i++) {
            TreeFixture.goModuleCache(temp.resolve("trees/" + DirectoryCacheStoreWorker.KEYS[i]), 200 + i);
        }
        Path root = temp.resolve("store");
        Path go = temp.resolve("go");
        List<Process> processes = new ArrayList<>();
        for (int worker = 0; worker < PROCESSES; worker++) {
            processes.add(new ProcessBuilder(javaExecutable(), "-cp", classPath(), DirectoryCacheStoreWorker.class.getName(),
                root.toString(), temp.resolve("trees").toString(), Integer.toString(worker), Integer.toString(ROUNDS), go.toString(),
                temp.resolve("targets").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("worker-" + worker + ".log").toFile()).start());
        }
        Files.writeString(go, "go");

        List<String> lines = new ArrayList<>();
        for (int worker = 0; worker < PROCESSES; worker++) {
            Process process = processes.get(worker);
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("worker " + worker + " finished").isTrue();
            String log = Files.readString(temp.resolve("worker-" + worker + ".log"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("worker " + worker + " said:\n" + log).isZero();
            lines.addAll(log.lines().toList());
        }

        assertThat(lines).hasSize(PROCESSES * ROUNDS).noneMatch(line -> line.startsWith("WARNING") || line.startsWith("BROKEN"));
        for (String key : DirectoryCacheStoreWorker.KEYS) {
            assertThat(lines).as("saves of " + key).containsOnlyOnce("SAVED " + key);
        }
        assertThat(lines).anyMatch(line -> line.startsWith("EXACT_HIT") || line.startsWith("PREFIX_HIT"));
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(".lock",
                "proc-k0.tar.gz", "proc-k0.tar.gz.json", "proc-k1.tar.gz", "proc-k1.tar.gz.json", "proc-k2.tar.gz", "proc-k2.tar.gz.json");
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The store's classes, the worker's, and Jackson, which the store's records are written with. */
    private static String classPath() throws Exception {
        List<Class<?>> classes = Arrays.asList(DirectoryCacheStore.class, DirectoryCacheStoreWorker.class, JsonFactory.class);
        List<String> entries = new ArrayList<>();
        for (Class<?> type : classes) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
