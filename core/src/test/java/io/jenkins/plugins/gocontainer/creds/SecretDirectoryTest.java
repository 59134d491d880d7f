package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretDirectoryTest {

    private static final String SECRET = "tok>en?/s3cr3t+value";

    @TempDir
    Path parent;

    @Test
    void directoryIsPrivateAndFilesAre0600() throws Exception {
        try (SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none())) {
            Path file = dir.write("netrc", SECRET);

            assertThat(dir.path()).startsWith(parent).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).isEqualTo(SECRET);
        }
    }

    @Test
    void closeDeletesEverythingAndIsIdempotent() throws Exception {
        SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none());
        Path file = dir.write("a", "one-secret-value");
        dir.write("b", "two-secret-value");

        dir.close();
        dir.close();

        assertThat(file).doesNotExist();
        assertThat(dir.path()).doesNotExist();
        assertThat(dir.isClosed()).isTrue();
        try (var left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void deletesOnExceptionInsideTryWithResources() {
        Path[] seen = new Path[1];
        assertThatThrownBy(() -> {
            try (SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none())) {
                seen[0] = dir.write("key", SECRET);
                throw new IllegalStateException("build failed");
            }
        }).hasMessage("build failed");

        assertThat(seen[0]).doesNotExist();
        assertThat(seen[0].getParent()).doesNotExist();
    }

    @Test
    void registersEveryValueAndItsEncodedFormsInTheMasker() {
        SecretMasker masker = SecretMasker.none();
        try (SecretDirectory dir = SecretDirectory.create(parent, masker)) {
            dir.write("token", SECRET);
        }
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String url = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);

        assertThat(url).isNotEqualTo(SECRET);
        assertThat(masker.mask("a " + SECRET + " b " + base64 + " c " + url))
            .doesNotContain(SECRET).doesNotContain(base64).doesNotContain(url).contains(SecretMasker.MASK);
    }

    @Test
    void registersTheValueBeforeWritingIt() {
        SecretMasker masker = SecretMasker.none();
        String second = "never-written-value-42";
        try (SecretDirectory dir = SecretDirectory.create(parent, masker)) {
            dir.write("same", "first-value-123");
            // the second write fails at file creation; it must already be masked by then
            assertThatThrownBy(() -> dir.write("same", second)).isInstanceOf(GocbException.class)
                .hasMessageNotContaining(second);
        }
        assertThat(masker.mask("echo " + second)).doesNotContain(second);
    }

    @Test
    void shutdownHookIsRegisteredUntilClose() {
        SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none());
        Thread hook = dir.shutdownHook();
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue();
        Runtime.getRuntime().addShutdownHook(hook);

        dir.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
    }

    @Test
    void shutdownHookDeletesTheDirectory() throws Exception {
        SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none());
        dir.write("key", SECRET);
        Thread hook = dir.shutdownHook();

        hook.run();

        assertThat(dir.path()).doesNotExist();
        dir.close();
    }

    @Test
    void rejectsFileNamesThatLeaveTheDirectory() {
        try (SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none())) {
            assertThatThrownBy(() -> dir.write("../escape", SECRET)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> dir.write("..", SECRET)).isInstanceOf(IllegalArgumentException.class);
            assertThat(parent.resolve("escape")).doesNotExist();
        }
    }

    @Test
    void writingAfterCloseFails() {
        SecretDirectory dir = SecretDirectory.create(parent, SecretMasker.none());
        dir.close();
        assertThatThrownBy(() -> dir.write("late", SECRET)).isInstanceOf(IllegalStateException.class)
            .hasMessageNotContaining(SECRET);
    }

    @Test
    void missingParentGivesAClearError() {
        Path missing = parent.resolve("does-not-exist");
        assertThatThrownBy(() -> SecretDirectory.create(missing, SecretMasker.none()))
            .isInstanceOf(GocbException.class).hasMessageContaining(missing.toString());
    }
}
