package io.jenkins.plugins.gocontainer.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The ignore file written next to a generated Dockerfile ({@code Dockerfile.dockerignore}, which
 * BuildKit prefers to the context's): the context's own {@code .dockerignore}, plus gocb's working
 * directories inside the context. The agent's module and build caches reach the build as named
 * contexts; sending them again with the context would upload them on every build and tie the
 * compile step's cache key to them.
 */
public final class GeneratedDockerIgnore {

    /** gocb's default working directory in a workspace (the module cache of gocb vendor). */
    static final String WORK_DIRECTORY = ".gocb";

    private GeneratedDockerIgnore() {
    }

    public static String text(BuildPlan plan) throws IOException {
        Path context = plan.contextDirectory();
        Path own = context.resolve(".dockerignore");
        StringBuilder text = new StringBuilder(Files.isRegularFile(own) ? Files.readString(own) : "");
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(WORK_DIRECTORY);
        for (NamedContext named : plan.namedContexts()) {
            cacheRoot(named).filter(directory -> directory.startsWith(context) && !directory.equals(context))
                .ifPresent(directory -> excluded.add(context.relativize(directory).toString().replace('\\', '/')));
        }
        text.append("# added by gocb: its caches reach the build as named contexts, not with the context\n");
        excluded.forEach(path -> text.append('/').append(path).append('\n'));
        return text.toString();
    }

    private static Optional<Path> cacheRoot(NamedContext named) {
        if (!named.isLocal()) {
            return Optional.empty();
        }
        if (named.name().equals(ModuleSource.ProxyDirectory.CONTEXT_NAME)) {
            return Optional.ofNullable(named.directory().getParent()).map(Path::getParent); // <module cache>/cache/download
        }
        if (named.name().equals(DockerfileGenerator.BUILD_CACHE_CONTEXT)) {
            return Optional.of(named.directory());
        }
        return Optional.empty();
    }
}
