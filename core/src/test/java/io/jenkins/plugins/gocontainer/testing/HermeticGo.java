package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real go command on this host, set up as a build of a service with private modules on
 * {@value PrivateModuleRepository#HOST}: a private HOME (with its own {@code .gitconfig} and
 * {@code .netrc}), GOPATH and module cache; {@code GOPRIVATE} for the private host;
 * and every proxy (GOPROXY, HTTP(S)_PROXY) pointing at a closed loopback port, so that the only
 * servers reachable are the loopback git fixtures. No system git configuration, no user go env.
 *
 * <p>The build cache is private to the test JVM but shared by its HermeticGo instances: it holds
 * only compiled packages, keyed by their content, and sharing it saves compiling the standard
 * library (about 20 s on two cores) for every build.
 */
public final class HermeticGo {

    /** Port 1 on loopback: nothing listens there, so a connection is refused at once. */
    private static final String CLOSED = "http://127.0.0.1:1";

    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private HermeticGo(Path root) throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        // What `go telemetry off` writes: no counter files and no upload process outliving a test.
        Files.writeString(Files.createDirectories(home.resolve(".config/go/telemetry")).resolve("mode"), "off");
        environment.put("HOME", home.toString());
        environment.put("GOPATH", root.resolve("gopath").toString());
        environment.put("GOMODCACHE", root.resolve("modcache").toString());
        environment.put("GOCACHE", SharedBuildCache.DIRECTORY.toString());
        environment.put("GOTOOLCHAIN", "local");
        environment.put("GOENV", "off");
        environment.put("GOWORK", "off");
        environment.put("GOFLAGS", "-mod=mod -modcacherw");
        environment.put("GOPROXY", CLOSED);
        environment.put("GOPRIVATE", PrivateModuleRepository.HOST);
        environment.put("GONOSUMDB", PrivateModuleRepository.HOST);
        environment.put("CGO_ENABLED", "0");
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")) {
            environment.put(name, CLOSED);
        }
        environment.put("NO_PROXY", "127.0.0.1");
        environment.put("no_proxy", "127.0.0.1");
    }

    /** Created on first use, deleted when the JVM exits. */
    private static final class SharedBuildCache {
        static final Path DIRECTORY = create();

        private static Path create() {
            try {
                Path directory = Files.createTempDirectory("gocb-hermetic-gocache-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        TempDirectories.delete(directory);
                    } catch (IOException ignored) {
                        // a temp directory left behind
                    }
                }, "gocb-hermetic-gocache-cleanup"));
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a go build cache", e);
            }
        }
    }

    /** A go environment whose directories live under {@code root}. */
    public static HermeticGo in(Path root) throws IOException {
        RequiredTools.require("go", "git");
        return new HermeticGo(root);
    }

    /**
     * Adds {@code [url "base"] insteadOf = ...} for the prefixes to {@code ~/.gitconfig}, e.g. the
     * module host's URLs ({@link PrivateModuleRepository#GO_FETCH_URL_PREFIXES}) onto a fixture's
     * {@code baseUrl()}.
     */
    public HermeticGo rewriteGitUrls(String base, List<String> prefixes) throws IOException {
        StringBuilder section = new StringBuilder("[url \"").append(base).append("\"]\n");
        prefixes.forEach(prefix -> section.append("\tinsteadOf = ").append(prefix).append('\n'));
        Files.writeString(home.resolve(".gitconfig"), section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return this;
    }

    /** Writes {@code ~/.netrc}, which git (libcurl) reads for HTTP credentials. */
    public HermeticGo netrc(String content) throws IOException {
        Files.writeString(home.resolve(".netrc"), content);
        return this;
    }

    public HermeticGo set(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Path home() {
        return home;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** {@code go ARGS} in {@code directory}. */
    public FixtureCommand.Result go(Path directory, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add("go");
        argv.addAll(List.of(args));
        return run(directory, argv);
    }

    /** Any program (git, a built binary) with this environment. */
    public FixtureCommand.Result run(Path directory, List<String> argv) throws IOException, InterruptedException {
        return FixtureCommand.run(directory, environment, argv);
    }
}
