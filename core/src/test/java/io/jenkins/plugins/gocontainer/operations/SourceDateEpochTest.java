package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceDateEpochTest {

    private static final Instant COMMITTED = Instant.parse("2026-10-01T12:00:00Z");

    @Test
    void isTheCommitTimeOfTheContextsRepository(@TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("main.go"), "package main\n");
        try (GitFixture git = GitFixture.init(repository)) {
            git.commit("first", COMMITTED);
        }
        Path service = Files.createDirectories(repository.resolve("services/api"));

        assertThat(SourceDateEpoch.of(Optional.empty(), Map.of(), service)).contains(COMMITTED);
    }

    @Test
    void theEnvironmentsSourceDateEpochWins(@TempDir Path repository) throws Exception {
        Files.writeString(repository.resolve("main.go"), "package main\n");
        try (GitFixture git = GitFixture.init(repository)) {
            git.commit("first", COMMITTED);
        }

        assertThat(SourceDateEpoch.of(Optional.empty(), Map.of("SOURCE_DATE_EPOCH", "1700000000"), repository))
            .contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThatThrownBy(() -> SourceDateEpoch.of(Optional.empty(), Map.of("SOURCE_DATE_EPOCH", "soon"), repository))
            .isInstanceOf(InvalidBuildRequestException.class).hasMessageContaining("SOURCE_DATE_EPOCH is not a number of seconds");
    }

    @Test
    void outsideGitThereIsNone(@TempDir Path directory) {
        assertThat(SourceDateEpoch.of(Optional.empty(), Map.of(), directory)).isEmpty();
    }
}
