package io.jenkins.plugins.gocontainer.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Threads with their own store objects on one directory, as executors of one agent are. */
class DirectoryCacheStoreConcurrencyTest {

    private static final int THREADS = 12;
    private static final int ROUNDS = 6;
    private static final List<CacheKey> KEYS = List.of(CacheKey.of("conc-k0", "conc-"), CacheKey.of("conc-k1", "conc-"), CacheKey.of("conc-k2", "conc-"));

    private record Operation(String key, Object result, Map<String, String> restoredTree) {
    }

    @TempDir
    Path temp;

    @Test
    void threadsSavingAndRestoringSeveralKeysNeverSeeOrLeaveAHalfEntry() throws Exception {
        Map<String, Map<String, String>> trees = new java.util.HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            trees.put(KEYS.get(i).key(), TreeFixture.describe(TreeFixture.goModuleCache(temp.resolve("trees/" + KEYS.get(i).key()), 100 + i)));
        }
        Path root = temp.resolve("store");
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Operation> operations = runThreads(thread -> {
            DirectoryCacheStore store = new DirectoryCacheStore(root);
            start.await();
            List<Operation> mine = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                CacheKey key = KEYS.get((thread + round) % KEYS.size());
                if ((thread + round) % 2 == 0) {
                    mine.add(new Operation(key.key(), store.save(key, temp.resolve("trees/" + key.key())), Map.of()));
                } else {
                    Path target = temp.resolve("targets/" + thread + "-" + round);
                    RestoreResult result = store.restore(key, target);
                    mine.add(new Operation(key.key(), result, result.isHit() ? TreeFixture.describe(target) : Map.of()));
                }
            }
            return mine;
        });

        for (CacheKey key : KEYS) {
            assertThat(operations).as("saves of " + key.key())
                .filteredOn(op -> op.key().equals(key.key()) && op.result() instanceof SaveResult save && save.outcome() == SaveResult.Outcome.SAVED)
                .hasSize(1);
        }
        List<Operation> restores = operations.stream().filter(op -> op.result() instanceof RestoreResult).toList();
        assertThat(restores).hasSize(THREADS * ROUNDS / 2);
        for (Operation restore : restores) {
            RestoreResult result = (RestoreResult) restore.result();
            assertThat(result.warning()).as("no corruption seen").isEmpty();
            if (result.isHit()) {
                assertThat(restore.restoredTree()).as("a hit is the whole tree of " + result.matchedKey().orElseThrow())
                    .isEqualTo(trees.get(result.matchedKey().orElseThrow()));
            }
        }
        assertThat(restores).as("the restores overlapped with saves and found entries").anyMatch(op -> ((RestoreResult) op.result()).isHit());
        assertThat(filesIn(root)).containsExactlyInAnyOrder(".lock",
            "conc-k0.tar.gz", "conc-k0.tar.gz.json", "conc-k1.tar.gz", "conc-k1.tar.gz.json", "conc-k2.tar.gz", "conc-k2.tar.gz.json");
    }

    @Test
    void threadsSavingOneKeyAtOnceWriteItOnce() throws Exception {
        Path source = TreeFixture.goModuleCache(temp.resolve("tree"), 7);
        Path root = temp.resolve("store");
        CyclicBarrier start = new CyclicBarrier(THREADS);

        List<Operation> operations = runThreads(thread -> {
            DirectoryCacheStore store = new DirectoryCacheStore(root);
            start.await();
            return List.of(new Operation("same", store.save(CacheKey.of("same"), source), Map.of()));
        });

        assertThat(operations).extracting(op -> ((SaveResult) op.result()).outcome())
            .containsOnlyOnce(SaveResult.Outcome.SAVED)
            .hasSize(THREADS);
        assertThat(filesIn(root)).containsExactlyInAnyOrder(".lock", "same.tar.gz", "same.tar.gz.json");
        RestoreResult restored = new DirectoryCacheStore(root).restore(CacheKey.of("same"), temp.resolve("target"));
        assertThat(restored.outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(TreeFixture.describe(temp.resolve("target"))).isEqualTo(TreeFixture.describe(source));
    }

    private interface PerThread {
        List<Operation> run(int thread) throws Exception;
    }

    private static List<Operation> runThreads(PerThread work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Operation>>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int id = thread;
                futures.add(pool.submit((Callable<List<Operation>>) () -> work.run(id)));
            }
            List<Operation> all = new ArrayList<>();
            for (Future<List<Operation>> future : futures) {
                all.addAll(future.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> filesIn(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
