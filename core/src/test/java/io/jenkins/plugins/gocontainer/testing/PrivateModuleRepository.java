package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The private Go module {@value #MODULE_PATH} as its git host holds it: a bare repository
 * {@value #REPOSITORY} under a server's repository root, with one commit of
 * {@code examples/secretlib} tagged {@value #VERSION}.
 *
 * <p>Author, committer and tagger are fixed, so the commit and tag are the same on every
 * machine; the module's go.sum hashes (in {@code examples/private/go.sum}) depend only on the
 * files.
 */
public final class PrivateModuleRepository {

    public static final String HOST = "git.internal.test";
    /**
     * No {@code .git} qualifier, as teams name modules on a self-hosted GitLab: the go command
     * asks {@code https://git.internal.test/team/secretlib?go-get=1} ({@link GoImportMetaServer})
     * which repository holds it, then runs git on the URL the answer names.
     */
    public static final String MODULE_PATH = HOST + "/team/secretlib";
    public static final String VERSION = "v1.0.0";
    /** What {@code secretlib.Greeting()} returns, and so what examples/private prints. */
    public static final String GREETING = "hello from secretlib " + VERSION;
    /** Relative to a repository root; served as {@code /team/secretlib} and {@code /team/secretlib.git}. */
    public static final String REPOSITORY = "team/secretlib.git";

    /**
     * The URL prefixes under which git is asked for the module. With a go-import meta page the
     * go command runs git only on the repository URL the page names,
     * {@code https://git.internal.test/team/secretlib}: rewriting that one prefix (git
     * {@code insteadOf}) to a fixture server's {@code baseUrl()} keeps git on loopback. (Only a
     * {@code .git}-qualified path made it try https, git+ssh and ssh in turn, each needing a
     * rewrite.)
     */
    public static final List<String> GO_FETCH_URL_PREFIXES = List.of("https://" + HOST + "/");

    private static final String FIXED_DATE = "2024-01-01T00:00:00Z";

    private final Path path;
    private final String commit;

    private PrivateModuleRepository(Path path, String commit) {
        this.path = path;
        this.commit = commit;
    }

    /** Creates {@value #REPOSITORY} under {@code repositoryRoot} from examples/secretlib. */
    public static PrivateModuleRepository createIn(Path repositoryRoot) throws IOException, InterruptedException {
        RequiredTools.require("git");
        Path scratch = Files.createTempDirectory("gocb-secretlib-");
        try {
            Path work = copySource(ProjectLayout.example("secretlib"), scratch.resolve("work"));
            Map<String, String> environment = gitEnvironment(Files.createDirectories(scratch.resolve("home")));
            git(work, environment, "init", "--quiet", "--initial-branch=main");
            git(work, environment, "add", "--all");
            git(work, environment, "commit", "--quiet", "--message=secretlib " + VERSION);
            git(work, environment, "tag", "--annotate", "--message=secretlib " + VERSION, VERSION);
            Path bare = repositoryRoot.resolve(REPOSITORY);
            Files.createDirectories(bare.getParent());
            git(scratch, environment, "clone", "--quiet", "--bare", work.toString(), bare.toString());
            String commit = git(bare, environment, "rev-parse", VERSION + "^{commit}").strip();
            return new PrivateModuleRepository(bare, commit);
        } finally {
            TempDirectories.delete(scratch);
        }
    }

    private static Path copySource(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    /** No system or user git configuration; a fixed identity and fixed dates. */
    private static Map<String, String> gitEnvironment(Path home) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
        environment.put("GIT_AUTHOR_NAME", "gocb fixture");
        environment.put("GIT_AUTHOR_EMAIL", "fixture@" + HOST);
        environment.put("GIT_AUTHOR_DATE", FIXED_DATE);
        environment.put("GIT_COMMITTER_NAME", "gocb fixture");
        environment.put("GIT_COMMITTER_EMAIL", "fixture@" + HOST);
        environment.put("GIT_COMMITTER_DATE", FIXED_DATE);
        return environment;
    }

    private static String git(Path directory, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(List.of(args));
        return FixtureCommand.run(directory, environment, argv).orThrow().output();
    }

    /** The bare repository. */
    public Path path() {
        return path;
    }

    /** The commit {@value #VERSION} points at. */
    public String commit() {
        return commit;
    }
}
