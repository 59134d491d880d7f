package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.exec.OutputSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code go mod vendor}, then proof that the build can use vendor/ offline: vendor/modules.txt matches
 * go.mod (checked in Java, worded as go words it), and {@code go list -mod=vendor -deps ./...} with
 * GOPROXY=off finds every imported package in vendor/.
 *
 * <p>A committed vendor/ that no longer matches go.mod is regenerated, not trusted, and reported as a
 * note: the build then uses what go.mod and go.sum say, and the user learns that the repository's copy is stale.
 */
final class VendorMode {

    private static final Map<String, String> BUILD_ENVIRONMENT = Map.of("GOFLAGS", "-mod=vendor");

    private final GoCommands go;

    VendorMode(GoCommands go) {
        this.go = go;
    }

    ModeOutcome run(GoModFile goMod, Path moduleCache) throws IOException, InterruptedException {
        Path module = go.module();
        Path vendor = module.resolve("vendor");
        List<String> notes = new ArrayList<>();
        if (Files.isRegularFile(vendor.resolve(VendorManifest.FILE))) {
            List<String> stale = VendorConsistency.problems(goMod, VendorManifest.read(vendor));
            if (!stale.isEmpty()) {
                notes.add("the vendor/ directory in the repository did not match go.mod, so gocb regenerated it:\n\t"
                        + String.join("\n\t", stale) + "\n  Fix: " + InconsistentVendoringException.remedy(module));
            }
        }
        Map<String, String> cache = new LinkedHashMap<>();
        List<String> vendorCommand = new ArrayList<>(List.of("mod", "vendor"));
        if (moduleCache != null) {
            // A cache of the user's choosing often lives in the workspace: keep it deletable (Jenkins' deleteDir).
            Files.createDirectories(moduleCache);
            cache.put("GOMODCACHE", moduleCache.toString());
            vendorCommand.add("-modcacherw");
        }
        go.runOrFail("go could not copy the module's dependencies into vendor/",
                "fix the error go printed above, then run `go mod vendor` in " + module + " to check", cache,
                vendorCommand.toArray(String[]::new));

        List<String> problems = VendorConsistency.problems(goMod, VendorManifest.read(vendor));
        if (!problems.isEmpty()) {
            throw new InconsistentVendoringException(module, problems);
        }
        Map<String, String> offline = new LinkedHashMap<>(cache);
        offline.put("GOPROXY", "off");
        // The template prints nothing per package: what remains of go's output is its errors.
        GoCommands.Output list = go.run(offline, OutputSink.discard(), "list", "-mod=vendor", "-deps", "-f", "{{\"\"}}", "./...");
        if (!list.succeeded()) {
            throw GoCommandFailedException.explained("the vendor/ directory go made in " + module + " does not build offline: "
                            + "go list -mod=vendor -deps ./... failed", list.lines().stream().filter(line -> !line.isBlank()).toList(),
                    "vendor/ lacks packages that the module imports", "run `go mod tidy && go mod vendor` in " + module + " and check the imports");
        }
        List<VendorManifest.Entry> vendored = VendorManifest.read(vendor).vendoredModules();
        return new ModeOutcome(vendored.size(), DirectorySize.of(vendor), vendor, BUILD_ENVIRONMENT, notes);
    }
}
