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
 * <p>{@link #use(GoImportMetaServer)} lets the go command find the module host's go-import meta
 * page as it would in a company network: {@value PrivateModuleRepository#HOST} resolves to the
 * meta server's loopback address and its CA is trusted. The name is resolved through a hosts
 * file of this instance, bind-mounted over {@code /etc/hosts} in a mount namespace of the
 * command's own ({@code unshare --mount}, which needs root); the real {@code /etc/hosts} is never
 * changed. Both the go command's pure-Go resolver and glibc's read that path.
 *
 * <p>The build cache is private to the test JVM but shared by its HermeticGo instances: it holds
 * only compiled packages, keyed by their content, and sharing it saves compiling the standard
 * library (about 20 s on two cores) for every build.
 */
public final class HermeticGo {

    /** Port 1 on loopback: nothing listens there, so a connection is refused at once. */
    private static final String CLOSED = "http://127.0.0.1:1";

    /** Bind-mounts {@code $0} (the hosts file) over /etc/hosts, then runs {@code "$@"}. */
    private static final String WITH_HOSTS_FILE = "mount --bind \"$0\" /etc/hosts && exec \"$@\"";
    private static final Path SYSTEM_HOSTS = Path.of("/etc/hosts");
    private static final List<Path> SYSTEM_CA_BUNDLES = List.of(
        Path.of("/etc/ssl/certs/ca-certificates.crt"), Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/cert.pem"));

    private final Path root;
    private final Path home;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> hosts = new LinkedHashMap<>();

    private HermeticGo(Path root) throws IOException {
        this.root = root;
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

    /**
     * Makes the go command find {@code meta}'s go-import page: {@link #resolve} its host to its
     * address and {@link #trust} its CA.
     */
    public HermeticGo use(GoImportMetaServer meta) throws IOException {
        return resolve(PrivateModuleRepository.HOST, meta.address()).trust(meta.caCertificate());
    }

    /**
     * Makes {@code name} resolve to {@code address} for every command run here (see the class
     * comment), and lets it bypass the closed proxies.
     */
    public HermeticGo resolve(String name, String address) throws IOException {
        RequiredTools.require("unshare", "mount");
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new AssertionError("resolving " + name + " through a private hosts file needs root (unshare --mount)");
        }
        hosts.put(name, address);
        StringBuilder file = new StringBuilder(Files.exists(SYSTEM_HOSTS) ? Files.readString(SYSTEM_HOSTS) : "127.0.0.1 localhost\n");
        if (file.length() > 0 && file.charAt(file.length() - 1) != '\n') {
            file.append('\n');
        }
        hosts.forEach((host, ip) -> file.append(ip).append(' ').append(host).append('\n'));
        Files.writeString(hostsFile(), file);
        String noProxy = String.join(",", List.of("127.0.0.1", String.join(",", hosts.keySet())));
        environment.put("NO_PROXY", noProxy);
        environment.put("no_proxy", noProxy);
        return this;
    }

    /**
     * Trusts {@code caPem} besides the system CAs: {@code SSL_CERT_FILE} (the go command) and
     * {@code GIT_SSL_CAINFO} (git) name a bundle of both.
     */
    public HermeticGo trust(Path caPem) throws IOException {
        Path bundle = root.resolve("ca-bundle.pem");
        StringBuilder pem = new StringBuilder();
        if (Files.exists(bundle)) {
            pem.append(Files.readString(bundle));
        } else {
            for (Path system : SYSTEM_CA_BUNDLES) {
                if (Files.isReadable(system)) {
                    pem.append(Files.readString(system));
                    break;
                }
            }
        }
        if (pem.length() > 0 && pem.charAt(pem.length() - 1) != '\n') {
            pem.append('\n');
        }
        pem.append(Files.readString(caPem));
        Files.writeString(bundle, pem);
        environment.put("SSL_CERT_FILE", bundle.toString());
        environment.put("GIT_SSL_CAINFO", bundle.toString());
        return this;
    }

    private Path hostsFile() {
        return root.resolve("hosts");
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
        if (hosts.isEmpty()) {
            return FixtureCommand.run(directory, environment, argv);
        }
        // unshare and sh exec, so the command keeps the pid FixtureCommand watches (and kills on timeout).
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
            "sh", "-c", WITH_HOSTS_FILE, hostsFile().toString()));
        wrapped.addAll(argv);
        return FixtureCommand.run(directory, environment, wrapped);
    }
}
