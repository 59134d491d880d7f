package io.jenkins.plugins.gocontainer.gomod;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Real go command runs on fixture modules in a temp dir, hermetic and offline: private GOPATH,
 * module cache, build cache and HOME; no user go env; every proxy variable pointing at a closed
 * loopback port so that nothing but loopback servers can ever be reached.
 */
final class GoFixture {

    static final String DEP = "example.com/dep";
    static final String DEP_VERSION = "v1.0.0";
    static final String DEP_GO_MOD = "module example.com/dep\n\ngo 1.22\n";
    static final Map<String, String> DEP_FILES = Map.of("go.mod", DEP_GO_MOD, "x/x.go", "package x\n\nfunc X() {}\n");

    record GoRun(int exitCode, List<String> lines) {
    }

    private final Path root;
    private final Map<String, String> environment = new LinkedHashMap<>();

    GoFixture(Path root) throws IOException {
        this.root = root;
        Path home = Files.createDirectories(root.resolve("home"));
        // What `go telemetry off` writes: no counter files and no upload child process outliving a test.
        Files.writeString(Files.createDirectories(home.resolve(".config/go/telemetry")).resolve("mode"), "off");
        Path emptyCerts = Files.createDirectories(root.resolve("empty-certs"));
        Files.writeString(root.resolve("empty-ca.pem"), "");
        environment.put("HOME", home.toString());
        environment.put("GOPATH", root.resolve("gopath").toString());
        environment.put("GOMODCACHE", root.resolve("modcache").toString());
        environment.put("GOCACHE", root.resolve("gocache").toString());
        environment.put("GOTOOLCHAIN", "local");
        environment.put("GOENV", "off");
        environment.put("GOWORK", "off");
        environment.put("GOFLAGS", "-modcacherw");
        environment.put("GOPROXY", "off");
        environment.put("GOSUMDB", "off");
        for (String name : List.of("GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOVCS")) {
            environment.put(name, "");
        }
        environment.put("CGO_ENABLED", "0");
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("SSL_CERT_FILE", root.resolve("empty-ca.pem").toString());
        environment.put("SSL_CERT_DIR", emptyCerts.toString());
        // Safety net: any request not to loopback goes to a closed port and fails.
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")) {
            environment.put(name, "http://127.0.0.1:1");
        }
        environment.put("NO_PROXY", "127.0.0.1,localhost");
        environment.put("no_proxy", "127.0.0.1,localhost");
    }

    Path root() {
        return root;
    }

    Path home() {
        return Path.of(environment.get("HOME"));
    }

    GoFixture set(String name, String value) {
        environment.put(name, value);
        return this;
    }

    GoRun go(Path directory, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add("go");
        argv.addAll(List.of(args));
        return run(new Command(argv, environment, directory));
    }

    /** Runs go in a network namespace of its own: no interface but a down loopback, no DNS. */
    GoRun goWithoutNetwork(Path directory, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("unshare", "-n", "go"));
        argv.addAll(List.of(args));
        return run(new Command(argv, environment, directory));
    }

    GoRun run(Command command) throws IOException, InterruptedException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CommandResult result = new CommandRunner(SecretMasker.none(), System.getenv()).run(command, lines::add);
        return new GoRun(result.exitCode(), List.copyOf(lines));
    }

    /** Runs git (for fixtures) with this fixture's HOME and a fixed identity. */
    void git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid",
                "-c", "init.defaultBranch=main", "-c", "advice.detachedHead=false"));
        argv.addAll(List.of(args));
        GoRun run = run(new Command(argv, environment, directory));
        if (run.exitCode() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + run.lines());
        }
    }

    static Path writeFiles(Path directory, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return directory;
    }

    /** The application module: imports example.com/dep/x; {@code extraGoMod} is appended to go.mod. */
    Path app(String name, String extraGoMod) throws IOException {
        return writeFiles(root.resolve(name), Map.of(
                "go.mod", "module example.com/app\n\ngo 1.22\n" + extraGoMod,
                "main.go", "package main\n\nimport \"example.com/dep/x\"\n\nfunc main() { x.X() }\n"));
    }

    static String requireDep() {
        return "\nrequire " + DEP + " " + DEP_VERSION + "\n";
    }

    /** A module proxy directory (the GOPROXY protocol's layout) holding example.com/dep v1.0.0. */
    Path depProxy() throws IOException {
        Path proxy = root.resolve("proxy");
        publish(proxy, DEP, DEP_VERSION, DEP_FILES);
        return proxy;
    }

    static String fileUrl(Path directory) {
        return directory.toUri().toString().replaceAll("/$", "");
    }

    /** Writes {@code <module>/@v/list}, {@code .info}, {@code .mod} and the module zip ({@code module@version/...}). */
    static void publish(Path proxy, String module, String version, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(proxy.resolve(module).resolve("@v"));
        Files.writeString(dir.resolve("list"), version + "\n");
        Files.writeString(dir.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}\n");
        Files.writeString(dir.resolve(version + ".mod"), files.get("go.mod"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(version + ".zip")))) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(module + "@" + version + "/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /** An HTTP server bound to loopback only; {@link #url} gives its base address. */
    static HttpServer loopbackHttp(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    /** An HTTPS server on loopback with a fresh self-signed certificate made by keytool. */
    HttpsServer loopbackHttps(HttpHandler handler, String startDate) throws Exception {
        Path keystore = root.resolve("tls-" + System.nanoTime() + ".p12");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "proxy", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "1", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "fixture", "-keypass", "fixture"));
        if (startDate != null) {
            argv.addAll(List.of("-startdate", startDate));
        }
        GoRun keytool = run(Command.of(argv));
        if (keytool.exitCode() != 0) {
            throw new IOException("keytool failed: " + keytool.lines());
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "fixture".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "fixture".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    static String url(HttpServer server, String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves files from a proxy directory; 404 for anything else. */
    static HttpHandler serving(Path proxy) {
        return exchange -> {
            Path file = proxy.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (file.startsWith(proxy) && Files.isRegularFile(file)) {
                respond(exchange, 200, Files.readAllBytes(file));
            } else {
                respond(exchange, 404, "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
