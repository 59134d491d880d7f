package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aMissIsSavedAndTheNextRunHitsAndSavesNothing() throws Exception {
        CacheStore store = CacheStores.parse("dir=" + dir.resolve("store"), dir, repository -> {
            throw new AssertionError("a directory store needs no registry");
        });
        CacheKey key = CacheKey.goBuild("example.com/x v1.0.0 h1:abc=\n".getBytes(), "go1.26", "linux", "amd64");
        List<String> log = new ArrayList<>();

        Path first = Files.createDirectories(dir.resolve("first"));
        CacheRoundTrip cold = new CacheRoundTrip(store, key, "Go build");
        assertThat(cold.restore(first, log::add).outcome()).isEqualTo(RestoreResult.Outcome.MISS);
        Files.writeString(first.resolve("object-a"), "compiled");
        assertThat(cold.saveIfMissed(first, log::add).outcome()).isEqualTo(SaveResult.Outcome.SAVED);

        Path second = Files.createDirectories(dir.resolve("second"));
        CacheRoundTrip warm = new CacheRoundTrip(store, key, "Go build");
        assertThat(warm.restore(second, log::add).outcome()).isEqualTo(RestoreResult.Outcome.EXACT_HIT);
        assertThat(second.resolve("object-a")).hasContent("compiled");
        assertThat(warm.hadExactHit()).isTrue();
        assertThat(warm.saveIfMissed(second, log::add).outcome()).isEqualTo(SaveResult.Outcome.ALREADY_PRESENT);

        assertThat(log).anyMatch(line -> line.equals("gocb: Go build cache miss " + key.key()))
            .anyMatch(line -> line.startsWith("gocb: Go build cache saved as " + key.key()))
            .anyMatch(line -> line.startsWith("gocb: Go build cache hit " + key.key()));
    }

    @Test
    void storeDescriptionsAreCheckedWithTheirForm() {
        assertThatThrownBy(() -> CacheStores.parse("s3://bucket", java.nio.file.Path.of("/"), r -> null)).hasMessageContaining("invalid cache store 's3://bucket'");
        assertThatThrownBy(() -> CacheStores.parse("dir=", java.nio.file.Path.of("/"), r -> null)).hasMessageContaining("invalid cache store");
        assertThatThrownBy(() -> CacheStores.parse("registry=registry.example.com/team/cache:tag", java.nio.file.Path.of("/"), r -> null))
            .hasMessageContaining("names a tag or digest");
        List<ImageReference> asked = new ArrayList<>();
        CacheStores.parse("registry=registry.example.com/team/cache", java.nio.file.Path.of("/"), repository -> {
            asked.add(repository);
            return new io.jenkins.plugins.gocontainer.registry.RegistryClient(
                new io.jenkins.plugins.gocontainer.registry.RegistryHttp(host -> java.util.Optional.empty(), io.jenkins.plugins.gocontainer.registry.RetryPolicy.DEFAULT, java.util.Set.of()));
        });
        assertThat(asked).extracting(ImageReference::toString).containsExactly("registry.example.com/team/cache");
    }
}
