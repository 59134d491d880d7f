package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.gates.ByteSize;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.gomod.GoToolchainFinder;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchRequest;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.operations.GoModVendor;
import io.jenkins.plugins.gocontainer.operations.GoModVendorResult;
import io.jenkins.plugins.gocontainer.operations.GoModVendorSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    @Mixin
    InsecureRegistryOptions insecureRegistries;

    @Mixin
    PrivateModuleOptions privateModules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "human", description = "result on stdout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    private final Map<String, String> extraEnvironment;

    VendorCommand() {
        this(Map.of());
    }

    /** @param extraEnvironment extra environment for go, over this process's (tests make go hermetic with it) */
    VendorCommand(Map<String, String> extraEnvironment) {
        this.extraEnvironment = extraEnvironment;
    }

    @Override
    public Integer call() {
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(extraEnvironment);
        return OperationCall.run(spec, format, false, environment, "vendor cancelled; go was stopped", (operation, out, err) -> {
            GoModVendorSpec vendor = GoModVendorSpec.builder()
                .context(context.toString())
                .mode(mode)
                .moduleCache(BuilderOptions.text(moduleCache))
                .go(go)
                .cacheStore(cacheStore)
                .insecureRegistries(insecureRegistries.hosts)
                .privateModules(privateModules.settings())
                .build();
            print(new GoModVendor().run(vendor, operation), out);
            return ExitCodes.OK;
        });
    }

    private void print(GoModVendorResult result, PrintWriter out) {
        if (format == OutputFormat.json) {
            out.println(Json.write(result.toMap()));
        } else {
            String what = result.mode().equals(GoModMode.VENDOR.label()) ? "vendored " + result.modules() + " modules into "
                : "downloaded " + result.modules() + " modules into the module cache ";
            out.printf(Locale.ROOT, "%s%s (%s) with %s in %.1fs%n", what, result.location(), new ByteSize(result.bytes()).toBinaryString(),
                result.goVersion(), result.durationMillis() / 1000.0);
            out.println("build with:");
            result.buildEnvironment().forEach((name, value) -> out.println("  " + name + "=" + value));
            result.notes().forEach(note -> out.println("note: " + note));
        }
        out.flush();
    }
}
