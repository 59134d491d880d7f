package io.jenkins.plugins.gocontainer.gomod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks download mode makes on go's answer: the file:// proxy layout and go.sum. */
class DownloadChecksTest {

    @TempDir
    Path cache;

    private ModuleDownload downloaded(String path, String version) throws Exception {
        Path dir = Files.createDirectories(cache.resolve("cache/download").resolve(path).resolve("@v"));
        return new ModuleDownload(path, version, Files.writeString(dir.resolve(version + ".info"), "{}").toString(),
                Files.writeString(dir.resolve(version + ".mod"), "module " + path).toString(),
                Files.writeString(dir.resolve(version + ".zip"), "zip").toString(), cache.resolve(path + "@" + version).toString(),
                "h1:zip=", "h1:mod=", "");
    }

    @Test
    void aCacheWithEveryInfoModAndZipServesTheBuild() throws Exception {
        List<ModuleDownload> modules = List.of(downloaded("github.com/google/uuid", "v1.6.0"), downloaded("golang.org/x/sync", "v0.24.0"));

        assertThat(FileProxyLayout.missingFiles(cache, modules)).isEmpty();
        assertThat(FileProxyLayout.url(cache)).isEqualTo("file://" + cache.toAbsolutePath() + "/cache/download");
    }

    @Test
    void aMissingZipOrAFileOutsideTheCacheIsReported(@TempDir Path elsewhere) throws Exception {
        ModuleDownload uuid = downloaded("github.com/google/uuid", "v1.6.0");
        Files.delete(Path.of(uuid.zip()));
        ModuleDownload sync = downloaded("golang.org/x/sync", "v0.24.0");
        ModuleDownload moved = new ModuleDownload(sync.path(), sync.version(), sync.info(), elsewhere.resolve("v0.24.0.mod").toString(),
                sync.zip(), sync.dir(), sync.sum(), sync.goModSum(), "");
        ModuleDownload noZip = new ModuleDownload("a.example/b", "v1.0.0", "", "", "", "", "", "", "");

        assertThat(FileProxyLayout.missingFiles(cache, List.of(uuid, moved, noZip))).containsExactly(
                "github.com/google/uuid@v1.6.0: " + uuid.zip() + " is missing",
                "golang.org/x/sync@v0.24.0: its .mod file " + elsewhere.resolve("v0.24.0.mod") + " is outside " + cache.resolve("cache/download"),
                "a.example/b@v1.0.0: go reported no .info file",
                "a.example/b@v1.0.0: go reported no .mod file",
                "a.example/b@v1.0.0: go reported no .zip file");
    }

    @Test
    void goSumRecordsZipAndGoModChecksumsSeparately() {
        GoSum goSum = GoSum.parse("github.com/google/uuid v1.6.0 h1:zip=\ngithub.com/google/uuid v1.6.0/go.mod h1:mod=\n"
                + "github.com/spf13/pflag v1.0.9/go.mod h1:pmod=\n\nnot a line\n");
        ModuleVersion uuid = ModuleVersion.of("github.com/google/uuid", "v1.6.0");
        ModuleVersion pflag = ModuleVersion.of("github.com/spf13/pflag", "v1.0.9");

        assertThat(goSum.recordsZip(uuid, "h1:zip=")).isTrue();
        assertThat(goSum.recordsGoMod(uuid, "h1:mod=")).isTrue();
        assertThat(goSum.recordsZip(uuid, "h1:other=")).isFalse();
        assertThat(goSum.recordsZip(pflag, "h1:pmod=")).as("a go.mod checksum is not a zip checksum").isFalse();
        assertThat(goSum.recordsGoMod(pflag, "h1:pmod=")).isTrue();
    }
}
