package io.jenkins.plugins.gocontainer.gomod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The download directory of a module cache ({@code <GOMODCACHE>/cache/download}) is a module proxy in the
 * GOPROXY protocol's file layout: for a module version, go asks a {@code file://} proxy for its {@code .info},
 * {@code .mod} and {@code .zip}. This checks those files are there for every downloaded module.
 */
final class FileProxyLayout {

    private FileProxyLayout() {
    }

    static Path downloadDirectory(Path moduleCache) {
        return moduleCache.resolve("cache").resolve("download");
    }

    /** The proxy's URL, as GOPROXY takes it: {@code file:///abs/path/cache/download}. */
    static String url(Path moduleCache) {
        return downloadDirectory(moduleCache).toAbsolutePath().toUri().toString().replaceAll("/$", "");
    }

    /** What a file:// proxy at the cache would not serve, one line per missing file; empty when it serves them all. */
    static List<String> missingFiles(Path moduleCache, List<ModuleDownload> modules) {
        Path proxy = downloadDirectory(moduleCache).toAbsolutePath().normalize();
        List<String> missing = new ArrayList<>();
        for (ModuleDownload module : modules) {
            check(module, ".info", module.info(), proxy, missing);
            check(module, ".mod", module.goMod(), proxy, missing);
            check(module, ".zip", module.zip(), proxy, missing);
        }
        return missing;
    }

    private static void check(ModuleDownload module, String kind, String file, Path proxy, List<String> missing) {
        if (file.isEmpty()) {
            missing.add(module.module() + ": go reported no " + kind + " file");
            return;
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!path.startsWith(proxy)) {
            missing.add(module.module() + ": its " + kind + " file " + path + " is outside " + proxy);
        } else if (!Files.isRegularFile(path)) {
            missing.add(module.module() + ": " + path + " is missing");
        }
    }
}
