package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleAccess;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetcher;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchRequest;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchResult;
import io.jenkins.plugins.gocontainer.gomod.GoToolchainFinder;
import io.jenkins.plugins.gocontainer.gomod.GoVersionTooOldException;
import io.jenkins.plugins.gocontainer.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code gocb vendor}: makes the module's dependencies available to an offline build. */
@Command(name = "vendor", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Makes the Go module's dependency graph available to an offline build.",
        "  download (default): go mod download into a module cache (default <context>/.gocb/gomodcache), checked with"
            + " go mod verify; the build reads <cache>/cache/download with GOPROXY=file://...,off and GOFLAGS=-mod=mod.",
        "  vendor: go mod vendor, checked against go.mod; the build uses GOFLAGS=-mod=vendor.",
        "go runs with this process's environment (GOPROXY, GOPRIVATE, credentials) and GOTOOLCHAIN=local."})
final class VendorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--context"}, paramLabel = "DIR", defaultValue = ".", description = "the module root, with go.mod and go.sum (default: .)")
    Path context;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "download", description = "download or vendor (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--module-cache", paramLabel = "DIR",
        description = "the module cache (GOMODCACHE) to download into; default: <context>/" + ModuleFetchRequest.DEFAULT_MODULE_CACHE
            + " in download mode, go's own in vendor mode")
    Path moduleCache;

    @Option(names = "--go", paramLabel = "PATH", defaultValue = GoToolchainFinder.ON_PATH,
        description = "the go executable or Go installation directory (default: go from the PATH)")
    String go;

    @Option(names = "--cache-store", paramLabel = "dir=PATH|registry=REPO",
        description = "restore the module cache from this store before downloading and save it after a miss (keyed by go.sum; download mode)")
    String cacheStore;

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT", description = "a cache store registry spoken to over HTTP (loopback registries always are)")
    List<String> insecureRegistries = new ArrayList<>();

    @Mixin
    PrivateModuleOptions privateModules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private final Map<String, String> environment;

    VendorCommand() {
        this(Map.of());
    }

    /** @param environment extra environment for go, over this process's (tests make go hermetic with it) */
    VendorCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            PrivateModuleAccess access = privateModules.access(System.getenv(), err);
            CommandRunner runner = new CommandRunner(SecretMasker.none(), System.getenv());
            ModuleFetchResult result;
            try (PrivateModuleSession session = access.isEmpty() ? null : PrivateModuleOptions.open(access, runner, System.getenv())) {
                Map<String, String> goEnvironment = new LinkedHashMap<>(environment);
                if (session != null) {
                    goEnvironment.putAll(session.hostEnvironment());
                }
                ModuleFetchRequest request = new ModuleFetchRequest(context, GoModMode.parse(mode), moduleCache, goEnvironment, go);
                OutputSink log = line -> {
                    err.println(line);
                    err.flush();
                };
                Optional<CacheRoundTrip> cache = moduleCacheRoundTrip(request);
                if (cache.isPresent()) {
                    cache.get().restore(request.effectiveModuleCache(), log);
                }
                result = Cancellation.runCancellable(() -> new ModuleFetcher(runner).run(request, log));
                if (cache.isPresent()) {
                    cache.get().saveIfMissed(request.effectiveModuleCache(), log);
                    result = result.withCacheStatus(cache.get().hadExactHit() ? "hit" : "miss");
                }
            }
            print(result, out);
            return ExitCodes.OK;
        } catch (GoVersionTooOldException e) {
            ErrorReporter.report(e, format, out, err);
            return ExitCodes.BUILDER_UNAVAILABLE; // the required tool, a recent enough go, is missing
        } catch (GocbException e) {
            return ErrorReporter.report(e, format, out, err);
        } catch (IOException e) {
            return ErrorReporter.report(new GocbException("vendor failed: " + e.getMessage(), "an input/output error on this machine",
                "check the paths and free disk space", e), format, out, err);
        } catch (InterruptedException e) {
            err.println("gocb: vendor cancelled; go was stopped");
            return ExitCodes.INTERRUPTED;
        }
    }

    /** The module cache's round trip through --cache-store. */
    private Optional<CacheRoundTrip> moduleCacheRoundTrip(ModuleFetchRequest request) throws IOException {
        if (cacheStore == null) {
            return Optional.empty();
        }
        if (request.mode() != GoModMode.DOWNLOAD) {
            throw new InvalidBuildRequestException("--cache-store applies to download mode",
                "vendor mode keeps the modules in vendor/, committed with the sources", "drop --cache-store, or use --mode download");
        }
        return Optional.of(GoCacheStores.roundTrip(GoCacheStores.Kind.MODULES, cacheStore, request.context(), System.getenv(), insecureRegistries));
    }

    private void print(ModuleFetchResult result, PrintWriter out) {
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", result.mode().label());
            json.put("goVersion", result.goVersion());
            json.put("modules", result.moduleCount());
            json.put("bytes", result.bytes());
            json.put("durationMillis", result.duration().toMillis());
            json.put("location", result.location().toString());
            json.put("buildEnvironment", result.buildEnvironment());
            json.put("cacheStatus", result.cacheStatus());
            json.put("notes", result.notes());
            out.println(Json.write(json));
        } else {
            String what = result.mode() == GoModMode.VENDOR ? "vendored " + result.moduleCount() + " modules into "
                : "downloaded " + result.moduleCount() + " modules into the module cache ";
            out.printf(Locale.ROOT, "%s%s (%s) with %s in %.1fs%n", what, result.location(), new ByteSize(result.bytes()).toBinaryString(),
                result.goVersion(), result.duration().toMillis() / 1000.0);
            out.println("build with:");
            result.buildEnvironment().forEach((name, value) -> out.println("  " + name + "=" + value));
            result.notes().forEach(note -> out.println("note: " + note));
        }
        out.flush();
    }
}
