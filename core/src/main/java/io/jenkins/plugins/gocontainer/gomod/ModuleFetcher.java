package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * goModVendor: makes a Go module's dependency graph available to an offline build, by {@code go mod vendor}
 * or by {@code go mod download} into a module cache that the build reads as a file:// GOPROXY.
 *
 * <p>Request → checks (module, go version) → the mode's go commands and proofs → result. Failures of go are
 * explained by {@link GoErrorCatalogue}, with go's own lines kept.
 */
public final class ModuleFetcher {

    private final CommandRunner runner;

    /** @param runner runs go; its masker must already know every secret value of the requests' environments */
    public ModuleFetcher(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * @param log receives gocb's and go's progress lines, masked
     * @throws InvalidVendorRequestException when the request cannot be carried out (nothing ran)
     * @throws io.jenkins.plugins.gocontainer.exec.CommandNotFoundException when there is no go command
     * @throws GoVersionTooOldException when go is older than go.mod's go line
     * @throws GoCommandFailedException when go failed, with its lines and, when recognised, why and what to do
     * @throws InconsistentVendoringException when vendor/modules.txt does not match go.mod after vendoring
     */
    public ModuleFetchResult run(ModuleFetchRequest request, OutputSink log) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path module = checkedContext(request.context());
        Path moduleCache = checkedModuleCache(request.effectiveModuleCache());
        GoModFile goMod = GoModFile.read(module.resolve("go.mod"));
        GoToolchain go = new GoToolchainFinder(runner).find(request.go(), withRunnerEnvironment(request.environment()), goMod.goVersion());
        log.line("gocb: go" + go.version() + " (" + go.executable() + "), module " + goMod.module() + ", mode " + request.mode());
        List<String> notes = new ArrayList<>();
        go.check(goMod).ifPresent(notes::add);

        GoCommands commands = new GoCommands(runner, go, module, request.environment(), log);
        ModeOutcome outcome = switch (request.mode()) {
            case VENDOR -> new VendorMode(commands).run(goMod, moduleCache);
            case DOWNLOAD -> new DownloadMode(commands).run(moduleCache);
        };
        notes.addAll(outcome.notes());
        notes.forEach(note -> log.line("gocb: note: " + note));
        return new ModuleFetchResult(request.mode(), "go" + go.version(), outcome.moduleCount(), outcome.bytes(),
                Duration.ofNanos(System.nanoTime() - started), outcome.location(), outcome.buildEnvironment(), notes, ModuleFetchResult.NO_CACHE);
    }

    private static Path checkedContext(Path context) {
        Path module = context.toAbsolutePath().normalize();
        if (!Files.isDirectory(module)) {
            throw new InvalidVendorRequestException("the context " + module + " is not a directory",
                    "the context must be the Go module's root, the directory that holds go.mod and go.sum",
                    "point the context at the service's module directory (it exists in the checkout)");
        }
        return module;
    }

    private static Path checkedModuleCache(Path moduleCache) {
        if (moduleCache == null) {
            return null;
        }
        if (Files.exists(moduleCache) && !Files.isDirectory(moduleCache)) {
            throw new InvalidVendorRequestException("the module cache " + moduleCache + " is not a directory",
                    "the module cache (GOMODCACHE) is a directory the go command downloads modules into",
                    "give a directory, or leave the module cache out for the default <context>/" + ModuleFetchRequest.DEFAULT_MODULE_CACHE);
        }
        if (moduleCache.toString().contains(",") || moduleCache.toString().contains("|")) {
            throw new InvalidVendorRequestException("the module cache path " + moduleCache + " contains ',' or '|'",
                    "the build reads the cache through GOPROXY, where ',' and '|' separate proxies",
                    "choose a module cache directory whose path has neither character");
        }
        return moduleCache;
    }

    /** The variables go sees: the runner's, with the request's own laid over them. */
    private Map<String, String> withRunnerEnvironment(Map<String, String> extra) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(runner.environment());
        merged.putAll(extra);
        return merged;
    }
}
