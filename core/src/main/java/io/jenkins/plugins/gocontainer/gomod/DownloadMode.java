package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code go mod download -json} into a module cache, then proof that the cache alone serves the offline
 * build, which reads {@code <cache>/cache/download} as {@code GOPROXY=file://...,off} with {@code -mod=mod}:
 * <ol>
 *   <li>{@code go mod verify} with GOPROXY=off: go loads the whole module graph from the cache (every go.mod
 *       the build resolves versions with must be there, nothing can be fetched) and checks every zip and
 *       extracted directory against go.sum;</li>
 *   <li>the .info, .mod and .zip of every downloaded module are in the proxy layout ({@link FileProxyLayout});</li>
 *   <li>go.sum records every downloaded module, since an offline build cannot ask the checksum database
 *       (reported as a note: with GONOSUMDB/GOPRIVATE or GOSUMDB=off the build adds the line itself).</li>
 * </ol>
 * Downloading again from the cache into a throwaway cache would prove the same by go's own hand, at the
 * cost of extracting every module a second time (for BuildKit's 225 modules: 3.2 s and 567 MB of extra
 * disk, on top of go mod verify, which runs anyway); the integration tests do that instead.
 */
final class DownloadMode {

    private final GoCommands go;

    DownloadMode(GoCommands go) {
        this.go = go;
    }

    ModeOutcome run(Path moduleCache) throws IOException, InterruptedException {
        Files.createDirectories(moduleCache);
        Map<String, String> cache = Map.of("GOMODCACHE", moduleCache.toString());

        ModuleDownloadStream downloaded = download(cache);

        Map<String, String> offline = new LinkedHashMap<>(cache);
        offline.put("GOPROXY", "off");
        go.runOrFail("the module cache " + moduleCache + " differs from go.sum or lacks modules: it was changed after the download "
                        + "(a cache restored from another branch, a tool writing into it), or go.sum changed",
                "delete " + moduleCache + " and run again; if a fresh download fails the same way, treat it as a checksum mismatch",
                offline, "mod", "verify");

        List<String> missing = FileProxyLayout.missingFiles(moduleCache, downloaded.modules());
        if (!missing.isEmpty()) {
            throw new GocbException("the module cache " + moduleCache + " cannot serve the offline build as a file:// GOPROXY:\n\t"
                    + String.join("\n\t", missing),
                    "go reported modules as downloaded whose files are not in the cache's download directory "
                            + "(GOMODCACHE changed during the run, or the files were removed)",
                    "delete " + moduleCache + " and run again");
        }
        List<String> notes = new ArrayList<>();
        unrecordedChecksums(downloaded).ifPresent(notes::add);
        Map<String, String> build = new LinkedHashMap<>();
        build.put("GOPROXY", FileProxyLayout.url(moduleCache) + ",off");
        build.put("GOFLAGS", "-mod=mod");
        return new ModeOutcome(downloaded.modules().size(), DirectorySize.of(moduleCache), moduleCache, build, notes);
    }

    private ModuleDownloadStream download(Map<String, String> cache) throws IOException, InterruptedException {
        OutputSink log = go.log();
        boolean[] inObject = {false};
        // The JSON goes to the parser only; the log gets go's messages and a line per module.
        GoCommands.Output output = go.run(cache, line -> {
            if (!inObject[0] && ModuleDownloadStream.opensObject(line)) {
                inObject[0] = true;
            } else if (inObject[0]) {
                inObject[0] = !ModuleDownloadStream.closesObject(line);
            } else {
                log.line(line);
            }
        }, "mod", "download", "-json", "-modcacherw");
        ModuleDownloadStream stream = ModuleDownloadStream.parse(output.lines());
        for (ModuleDownload module : stream.modules()) {
            log.line("go: " + (module.failed() ? "could not download " : "downloaded ") + module.path() + " " + module.version());
        }
        if (!output.succeeded() || !stream.failed().isEmpty()) {
            List<String> failed = stream.failed().stream().map(m -> m.module().toString()).toList();
            throw GoCommandFailedException.explained("go mod download failed in " + go.module()
                            + (failed.isEmpty() ? "" : " for " + String.join(", ", failed)), stream.errorLines(),
                    "go could not fetch the module graph with this GOPROXY, GOPRIVATE and credentials",
                    "fix the error go printed above, then run `go mod download` in " + go.module() + " to check");
        }
        return stream;
    }

    private Optional<String> unrecordedChecksums(ModuleDownloadStream downloaded) throws IOException {
        GoSum goSum = GoSum.read(go.module().resolve("go.sum"));
        List<String> unrecorded = downloaded.modules().stream()
                .filter(m -> !goSum.recordsZip(m.module(), m.sum()) || !goSum.recordsGoMod(m.module(), m.goModSum()))
                .map(m -> m.module().toString()).toList();
        if (unrecorded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("go.sum does not record the checksums of " + String.join(", ", unrecorded)
                + ": an offline build cannot ask the checksum database for them, so it fails with \"missing go.sum entry\" unless "
                + "GONOSUMDB/GOPRIVATE covers these modules.\n  Fix: run `go mod tidy` in " + go.module() + " and commit go.sum");
    }
}
