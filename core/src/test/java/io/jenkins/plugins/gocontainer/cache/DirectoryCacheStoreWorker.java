package io.jenkins.plugins.gocontainer.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate process using a {@link DirectoryCacheStore}, for {@link DirectoryCacheStoreProcessesIT}.
 * Arguments: store root, directory of source trees (one per key), worker number, rounds, a file
 * to wait for before starting, a directory for restore targets. Prints one line per operation and
 * exits 2 when a restore produced anything but the full tree of the key it matched.
 */
public final class DirectoryCacheStoreWorker {

    static final String[] KEYS = {"proc-k0", "proc-k1", "proc-k2"};

    private DirectoryCacheStoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path trees = Path.of(args[1]);
        int worker = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        Path targets = Path.of(args[5]);
        while (!Files.exists(go)) {
            Thread.sleep(10);
        }
        DirectoryCacheStore store = new DirectoryCacheStore(root);
        for (int round = 0; round < rounds; round++) {
            CacheKey key = CacheKey.of(KEYS[(worker + round) % KEYS.length], "proc-");
            if ((worker + round) % 2 == 0) {
                System.out.println(store.save(key, trees.resolve(key.key())).outcome() + " " + key.key());
                continue;
            }
            Path target = targets.resolve(worker + "-" + round);
            RestoreResult result = store.restore(key, target);
            result.warning().ifPresent(warning -> System.out.println("WARNING " + warning.replace('\n', ' ')));
            if (result.isHit()) {
                String matched = result.matchedKey().orElseThrow();
                Map<String, String> expected = TreeFixture.describe(trees.resolve(matched));
                if (!TreeFixture.describe(target).equals(expected)) {
                    System.out.println("BROKEN restore of " + matched + " into " + target);
                    System.exit(2);
                }
            }
            System.out.println(result.outcome() + " " + key.key());
        }
    }
}
