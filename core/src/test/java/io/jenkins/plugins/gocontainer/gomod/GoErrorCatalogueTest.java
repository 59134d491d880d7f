package io.jenkins.plugins.gocontainer.gomod;

import static io.jenkins.plugins.gocontainer.gomod.GoFixture.DEP;
import static io.jenkins.plugins.gocontainer.gomod.GoFixture.DEP_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.gomod.GoFixture.GoRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per catalogue entry: each produces the real go command failure on a real fixture
 * module, offline (file:// proxies, loopback servers, local git repositories), and checks that the
 * catalogue recognises it and keeps go's own lines. Expected phrases are the go tool's words.
 */
class GoErrorCatalogueTest {

    @TempDir
    Path temp;

    private GoFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new GoFixture(temp);
    }

    @Test
    void goModNotFoundWhenTheBuildRunsOutsideTheModuleRoot() throws Exception {
        Path dir = GoFixture.writeFiles(temp.resolve("context"), Map.of("main.go", "package main\n\nfunc main() {}\n"));

        GoRun run = fixture.go(dir, "build", ".");

        assertExplained(run, GoErrorKind.GO_MOD_NOT_FOUND, "go.mod file not found");
    }

    @Test
    void goVersionTooOldNamesBothVersions() throws Exception {
        Path dir = GoFixture.writeFiles(temp.resolve("app"), Map.of(
                "go.mod", "module example.com/app\n\ngo 1.99\n", "main.go", "package main\n\nfunc main() {}\n"));

        GoRun run = fixture.go(dir, "build", ".");

        GoError error = assertExplained(run, GoErrorKind.GO_VERSION_TOO_OLD, "requires go >= 1.99");
        String running = fixture.go(dir.getParent(), "env", "GOVERSION").lines().get(0).replaceFirst("^go", "");
        assertThat(error.cause()).contains("1.99").contains(running);
        assertThat(error.fix()).contains("1.99");
    }

    @Test
    void checksumMismatchIsASecurityWarningNeverBypassed() throws Exception {
        Path proxy = fixture.depProxy();
        Path app = fixture.app("app", GoFixture.requireDep());
        fixture.set("GOPROXY", GoFixture.fileUrl(proxy)).set("GOFLAGS", "-modcacherw -mod=mod");
        GoRun good = fixture.go(app, "mod", "download", DEP);
        assertThat(good.exitCode()).as("%s", good.lines()).isZero();
        fixture.go(app, "mod", "tidy");
        Path goSum = app.resolve("go.sum");
        List<String> sums = Files.readAllLines(goSum);
        String zipLine = sums.stream().filter(l -> l.startsWith(DEP + " " + DEP_VERSION + " h1:")).findFirst().orElseThrow();
        String hash = zipLine.substring(zipLine.indexOf("h1:") + 3);
        String tampered = (hash.charAt(0) == 'A' ? "B" : "A") + hash.substring(1);
        Files.writeString(goSum, Files.readString(goSum).replace(hash, tampered));
        fixture.set("GOMODCACHE", temp.resolve("fresh-modcache").toString());

        GoRun run = fixture.go(app, "mod", "download", DEP);

        GoError error = assertExplained(run, GoErrorKind.CHECKSUM_MISMATCH, "checksum mismatch");
        assertThat(run.lines()).contains("SECURITY ERROR");
        assertThat(error.originalLines()).contains("SECURITY ERROR");
        assertThat(error.originalMessage()).contains(tampered);
        assertThat(error.fix()).doesNotContain("GONOSUMCHECK", "-insecure", "GOSUMDB=off", "GONOSUMDB", "rm go.sum");
    }

    @Test
    void checksumDatabaseLookupOfAPrivateModuleFails() throws Exception {
        Path proxy = fixture.depProxy();
        Path app = fixture.app("app", GoFixture.requireDep());
        AtomicInteger lookups = new AtomicInteger();
        var files = GoFixture.serving(proxy);
        HttpServer server = GoFixture.loopbackHttp(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/sumdb/sum.golang.org/supported")) {
                GoFixture.respond(exchange, 200, new byte[0]);
            } else if (path.startsWith("/sumdb/")) {
                lookups.incrementAndGet();
                GoFixture.respond(exchange, 410, "not found: private module\n".getBytes(StandardCharsets.UTF_8));
            } else {
                files.handle(exchange);
            }
        });
        try {
            fixture.set("GOPROXY", GoFixture.url(server, "http")).set("GOSUMDB", "sum.golang.org");

            GoRun run = fixture.go(app, "mod", "download", DEP);

            assertThat(lookups.get()).isPositive();
            assertExplained(run, GoErrorKind.CHECKSUM_DATABASE_LOOKUP, "410 Gone");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tlsCertificateFromAnUnknownAuthority() throws Exception {
        Path proxy = fixture.depProxy();
        Path app = fixture.app("app", GoFixture.requireDep());
        HttpServer server = fixture.loopbackHttps(GoFixture.serving(proxy), null);
        try {
            fixture.set("GOPROXY", GoFixture.url(server, "https"));

            GoRun run = fixture.go(app, "mod", "download", DEP);

            GoError error = assertExplained(run, GoErrorKind.TLS_CERTIFICATE, "x509: certificate signed by unknown authority");
            assertThat(error.fix()).contains("CA");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tlsCertificateOutsideItsValidityPointsAtTheClock() throws Exception {
        Path proxy = fixture.depProxy();
        Path app = fixture.app("app", GoFixture.requireDep());
        HttpServer server = fixture.loopbackHttps(GoFixture.serving(proxy), "-30d");
        try {
            fixture.set("GOPROXY", GoFixture.url(server, "https"));

            GoRun run = fixture.go(app, "mod", "download", DEP);

            GoError error = assertExplained(run, GoErrorKind.TLS_CERTIFICATE, "x509: certificate has expired or is not yet valid");
            assertThat(error.fix()).contains("date");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingGoSumEntry() throws Exception {
        Path proxy = fixture.depProxy();
        Path app = fixture.app("app", GoFixture.requireDep());
        fixture.set("GOPROXY", GoFixture.fileUrl(proxy));

        GoRun run = fixture.go(app, "build", ".");

        assertExplained(run, GoErrorKind.MISSING_GO_SUM_ENTRY, "missing go.sum entry");
    }

    @Test
    void inconsistentVendoring() throws Exception {
        Path app = fixture.app("app", GoFixture.requireDep());
        GoFixture.writeFiles(app, Map.of(
                "vendor/modules.txt", "# " + DEP + " v0.9.0\n## explicit\n" + DEP + "/x\n",
                "vendor/example.com/dep/x/x.go", "package x\n\nfunc X() {}\n"));
        fixture.set("GOFLAGS", "-modcacherw -mod=vendor");

        GoRun run = fixture.go(app, "build", ".");

        assertExplained(run, GoErrorKind.INCONSISTENT_VENDORING, "inconsistent vendoring");
    }

    @Test
    void moduleDeclaresAnotherPath() throws Exception {
        // A renamed module (or a fork) published under example.com/dep whose go.mod declares another path.
        Path proxy = temp.resolve("proxy");
        GoFixture.publish(proxy, DEP, DEP_VERSION, Map.of(
                "go.mod", "module example.com/renamed\n\ngo 1.22\n", "x/x.go", "package x\n\nfunc X() {}\n"));
        Path app = fixture.app("app", GoFixture.requireDep());
        fixture.set("GOPROXY", GoFixture.fileUrl(proxy)).set("GOFLAGS", "-modcacherw -mod=mod");

        GoRun run = fixture.go(app, "build", ".");

        GoError error = assertExplained(run, GoErrorKind.MODULE_PATH_MISMATCH, "module declares its path as");
        assertThat(error.originalMessage()).contains("example.com/renamed").contains("but was required as");
    }

    @Test
    void gitTerminalPromptsDisabledForAPrivateRepository() throws Exception {
        // A loopback git "server": the go command's probe (info/refs, HEAD) succeeds, then every
        // request asks for credentials, as a private repository does.
        AtomicBoolean probed = new AtomicBoolean();
        HttpServer server = GoFixture.loopbackHttp(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/HEAD") || (path.endsWith("/info/refs") && probed.compareAndSet(false, true))) {
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                GoFixture.respond(exchange, 200, new byte[0]);
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                GoFixture.respond(exchange, 401, new byte[0]);
            }
        });
        try {
            String loopback = GoFixture.url(server, "http") + "/";
            Files.writeString(fixture.home().resolve(".gitconfig"), "[url \"" + loopback + "\"]\n"
                    + "\tinsteadOf = https://example.invalid/\n\tinsteadOf = ssh://example.invalid/\n\tinsteadOf = git+ssh://example.invalid/\n");
            Path app = GoFixture.writeFiles(temp.resolve("app"), Map.of("go.mod", "module example.com/app\n\ngo 1.22\n"));
            fixture.set("GOPROXY", "direct").set("GOPRIVATE", "example.invalid/*").set("GOFLAGS", "-modcacherw -mod=mod");

            GoRun run = fixture.go(app, "get", "example.invalid/secret.git@v1.0.0");

            GoError error = assertExplained(run, GoErrorKind.GIT_TERMINAL_PROMPTS_DISABLED, "terminal prompts disabled");
            assertThat(error.originalMessage()).contains("git ls-remote");
            assertThat(error.fix()).contains("GOPRIVATE").contains("insteadOf");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noSecureProtocolWhenEverySchemeForADotGitPathFails() throws Exception {
        // Every prefix the go command tries for a .git path leads to a closed loopback port.
        Files.writeString(fixture.home().resolve(".gitconfig"), "[url \"https://127.0.0.1:1/\"]\n"
                + "\tinsteadOf = https://example.invalid/\n\tinsteadOf = ssh://example.invalid/\n\tinsteadOf = git+ssh://example.invalid/\n");
        Path app = GoFixture.writeFiles(temp.resolve("app"), Map.of("go.mod", "module example.com/app\n\ngo 1.22\n"));
        fixture.set("GOPROXY", "direct").set("GOPRIVATE", "example.invalid/*").set("GOFLAGS", "-modcacherw -mod=mod");

        GoRun run = fixture.go(app, "get", "example.invalid/secret.git@v1.0.0");

        GoError error = assertExplained(run, GoErrorKind.NO_SECURE_PROTOCOL, "no secure protocol found for repository");
        assertThat(error.fix()).contains("git ls-remote");
    }

    @Test
    void hostThatDoesNotResolveInsideTheBuild() throws Exception {
        // A network namespace of its own has no DNS at all, like a builder without the company resolver.
        Path app = GoFixture.writeFiles(temp.resolve("app"), Map.of("go.mod", "module example.com/app\n\ngo 1.22\n"));
        fixture.set("GOPROXY", "direct").set("GOPRIVATE", "example.invalid").set("GOFLAGS", "-modcacherw -mod=mod")
            .set("NO_PROXY", "example.invalid").set("no_proxy", "example.invalid");

        GoRun run = fixture.goWithoutNetwork(app, "get", "example.invalid/team/lib@v1.0.0");

        GoError error = assertExplained(run, GoErrorKind.HOST_UNRESOLVED, "lookup example.invalid");
        assertThat(error.cause()).contains("example.invalid does not resolve");
        assertThat(error.fix()).contains("{@addHosts} example.invalid=IP");
    }

    @Test
    void unknownRevision() throws Exception {
        Path work = GoFixture.writeFiles(temp.resolve("repo"), Map.of(
                "go.mod", "module example.invalid/repo.git\n\ngo 1.22\n", "repo.go", "package repo\n\nfunc R() {}\n"));
        fixture.git(work, "init", "-q");
        fixture.git(work, "add", ".");
        fixture.git(work, "commit", "-q", "-m", "first");
        fixture.git(work, "tag", "v1.0.0");
        Path bare = temp.resolve("bare");
        fixture.git(temp, "clone", "-q", "--bare", work.toString(), bare.toString());
        Files.writeString(fixture.home().resolve(".gitconfig"),
                "[url \"" + bare.toUri() + "\"]\n\tinsteadOf = https://example.invalid/repo\n");
        Path app = GoFixture.writeFiles(temp.resolve("app"), Map.of("go.mod", "module example.com/app\n\ngo 1.22\n"));
        fixture.set("GOPROXY", "direct").set("GOPRIVATE", "example.invalid/*").set("GOFLAGS", "-modcacherw -mod=mod");
        GoRun existing = fixture.go(app, "get", "example.invalid/repo.git@v1.0.0");
        assertThat(existing.exitCode()).as("the fixture repository works: %s", existing.lines()).isZero();

        GoRun run = fixture.go(app, "get", "example.invalid/repo.git@v9.9.9");

        assertExplained(run, GoErrorKind.UNKNOWN_REVISION, "unknown revision v9.9.9");
    }

    @Test
    void moduleLookupDisabledByGoproxyOff() throws Exception {
        Path app = fixture.app("app", "");
        fixture.set("GOPROXY", "off").set("GOFLAGS", "-modcacherw -mod=mod");

        GoRun run = fixture.go(app, "build", ".");

        assertExplained(run, GoErrorKind.GOPROXY_OFF, "module lookup disabled by GOPROXY=off");
    }

    @Test
    void proxyAnswers404NotFound() throws Exception {
        assertProxyStatus(404, "404 Not Found");
    }

    @Test
    void proxyAnswers410Gone() throws Exception {
        assertProxyStatus(410, "410 Gone");
    }

    private void assertProxyStatus(int status, String goPhrase) throws Exception {
        Path app = fixture.app("app", GoFixture.requireDep());
        HttpServer server = GoFixture.loopbackHttp(exchange -> GoFixture.respond(exchange, status,
                ("not found: " + exchange.getRequestURI().getPath() + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            fixture.set("GOPROXY", GoFixture.url(server, "http"));

            GoRun run = fixture.go(app, "mod", "download", DEP);

            GoError error = assertExplained(run, GoErrorKind.PROXY_NOT_FOUND, goPhrase);
            assertThat(error.originalMessage()).contains(GoFixture.url(server, "http"));
            assertThat(error.fix()).contains("GOPRIVATE").contains("GONOPROXY");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noRequiredModuleProvidesPackage() throws Exception {
        Path app = fixture.app("app", "");

        GoRun run = fixture.go(app, "build", ".");

        assertExplained(run, GoErrorKind.NO_REQUIRED_MODULE, "no required module provides package example.com/dep/x");
    }

    @Test
    void cannotFindModuleProvidingPackage() throws Exception {
        Path app = fixture.app("app", "");
        Path emptyProxy = Files.createDirectories(temp.resolve("empty-proxy"));
        fixture.set("GOPROXY", GoFixture.fileUrl(emptyProxy)).set("GOFLAGS", "-modcacherw -mod=mod");

        GoRun run = fixture.go(app, "build", ".");

        assertExplained(run, GoErrorKind.CANNOT_FIND_MODULE, "cannot find module providing package example.com/dep/x");
    }

    @Test
    void cannotFindModuleWithVendorPointsAtTheVendorDirectory() throws Exception {
        Path app = fixture.app("app", "");
        fixture.set("GOFLAGS", "-modcacherw -mod=vendor");

        GoRun run = fixture.go(app, "build", ".");

        GoError error = assertExplained(run, GoErrorKind.CANNOT_FIND_MODULE, "disabled by -mod=vendor");
        assertThat(error.cause()).contains("vendor");
    }

    @Test
    void anUnrelatedFailureIsNotRecognised() throws Exception {
        Path lib = GoFixture.writeFiles(temp.resolve("lib"), Map.of(
                "go.mod", "module example.com/lib\n\ngo 1.22\n", "lib.go", "package lib\n\nfunc F() int { return notDefinedAnywhere }\n"));

        GoRun run = fixture.go(lib, "build", ".");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.lines()).anyMatch(line -> line.contains("undefined: notDefinedAnywhere"));
        assertThat(GoErrorCatalogue.explain(run.lines())).isEmpty();
        assertThat(GoErrorCatalogue.explain(List.of())).isEmpty();
    }

    /** Checks the run failed, was recognised as {@code kind}, and that go's own line survives verbatim. */
    private static GoError assertExplained(GoRun run, GoErrorKind kind, String goPhrase) {
        assertThat(run.exitCode()).as("go must fail: %s", run.lines()).isNotZero();
        String goLine = run.lines().stream().filter(line -> line.contains(goPhrase)).findFirst()
                .orElseThrow(() -> new AssertionError("go did not print '" + goPhrase + "': " + run.lines()));

        GoError error = GoErrorCatalogue.explain(run.lines()).orElseThrow(() -> new AssertionError("not recognised: " + run.lines()));

        assertThat(error.kind()).as("%s", run.lines()).isEqualTo(kind);
        assertThat(error.originalLines()).contains(goLine);
        assertThat(Collections.indexOfSubList(run.lines(), error.originalLines())).as("kept verbatim and in order").isNotNegative();
        assertThat(error.cause()).isNotBlank();
        assertThat(error.fix()).isNotBlank();
        GocbException exception = error.toException();
        assertThat(exception.getMessage()).contains(goLine).contains(error.cause()).contains(GocbException.render(error.fix(), io.jenkins.plugins.gocontainer.SettingNames.KEYS));
        assertThat(exception.problem()).contains(error.originalMessage());
        assertThat(exception.reason()).isEqualTo(error.cause());
        assertThat(exception.remedy()).isEqualTo(error.fix());
        return error;
    }
}
