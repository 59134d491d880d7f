package io.jenkins.plugins.gocontainer.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunDirectoriesTest {

    @TempDir
    Path tmp;

    @Test
    void onlyTheDirectoriesOfEndedOwnersAreRemoved() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long started = ended.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(1L);
        Path ofAnEndedRun = Files.createDirectory(tmp.resolve("gocb-secrets-" + ended.pid() + "." + started + "-123"));
        Files.writeString(ofAnEndedRun.resolve("id_ed25519"), "key");
        Path ofAReusedPid = Files.createDirectory(tmp.resolve("gocb-build-1.1000-456"));
        Path ofThisRun = Files.createTempDirectory(tmp, RunDirectories.ownedPrefix("gocb-build-"));
        Path withoutOwner = Files.createDirectory(tmp.resolve("gocb-secrets-8812734"));
        Path notGocbs = Files.createDirectory(tmp.resolve("gocb-other-1.1000-1"));

        assertThat(RunDirectories.reapAbandoned(tmp)).containsExactlyInAnyOrder(ofAnEndedRun, ofAReusedPid);

        assertThat(ofAnEndedRun).doesNotExist();
        assertThat(ofAReusedPid).doesNotExist();
        assertThat(ofThisRun).isDirectory();
        assertThat(withoutOwner).isDirectory();
        assertThat(notGocbs).isDirectory();
        assertThat(RunDirectories.reapAbandoned(tmp)).isEmpty();
    }

    @Test
    void aDirectoryOwnedByThisJvmNamesItsPid() throws IOException {
        String prefix = RunDirectories.ownedPrefix("gocb-secrets-");

        assertThat(prefix).startsWith("gocb-secrets-" + ProcessHandle.current().pid() + ".").endsWith("-");
        assertThat(RunDirectories.isAbandoned(prefix + "42")).isFalse();
        assertThatThrownBy(() -> RunDirectories.ownedPrefix("tmp-")).isInstanceOf(IllegalArgumentException.class);
    }
}
