package io.jenkins.plugins.gocontainer.cache;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a read-only tree (as Go leaves its module cache) into a directory store, restores it over
 * another read-only tree, and deletes the source: run by {@link ReadOnlyTreesIT} as an
 * unprivileged user, for whom read-only really means read-only. Prints OK when all went well.
 */
public final class ReadOnlyTreeWorker {

    private ReadOnlyTreeWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path tree = TreeFixture.goModuleCache(work.resolve("tree"), 1);
        TreeFixture.makeReadOnly(tree);
        Path target = TreeFixture.goModuleCache(work.resolve("target"), 2);
        TreeFixture.makeReadOnly(target);
        CacheKey key = CacheKey.of("read-only");
        DirectoryCacheStore store = new DirectoryCacheStore(work.resolve("store"));

        SaveResult saved = store.save(key, tree);
        RestoreResult restored = store.restore(key, target);
        boolean sameTree = TreeFixture.describe(target).equals(TreeFixture.describe(tree));
        Trees.delete(tree);

        if (saved.outcome() != SaveResult.Outcome.SAVED || restored.outcome() != RestoreResult.Outcome.EXACT_HIT || !sameTree || Files.exists(tree)) {
            System.out.println("FAILED: " + saved + " " + restored + " same tree: " + sameTree + " source deleted: " + !Files.exists(tree));
            System.exit(1);
        }
        System.out.println("OK");
    }
}
