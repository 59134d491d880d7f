package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.RegistryClient;

import java.nio.file.Path;
import java.util.function.Function;

/** Makes a {@link CacheStore} from its description: {@code dir=PATH} or {@code registry=REPOSITORY}. */
public final class CacheStores {

    private CacheStores() {
    }

    /**
     * @param base           where a relative {@code dir=PATH} is taken (the operation's workspace)
     * @param registryClient makes the client for a registry store (credentials from the Docker config),
     *                       called only when the description names a registry
     */
    public static CacheStore parse(String description, Path base, Function<ImageReference, RegistryClient> registryClient) {
        String value = description == null ? "" : description.strip();
        int eq = value.indexOf('=');
        String kind = eq < 0 ? value : value.substring(0, eq);
        String location = eq < 0 ? "" : value.substring(eq + 1).strip();
        if (location.isEmpty() || !(kind.equals("dir") || kind.equals("registry"))) {
            throw new InvalidBuildRequestException("invalid cache store '" + description + "'",
                "a cache store is a directory on the agent or shared volume (dir=PATH), or a registry repository (registry=REPO)"
                    + " that fresh agents can pull from",
                "write {@cacheStore} dir=/var/cache/gocb or {@cacheStore} registry=registry.example.com/team/app-cache");
        }
        if (kind.equals("dir")) {
            return new DirectoryCacheStore(base.resolve(location).normalize());
        }
        ImageReference repository = ImageReference.parse(location);
        if (repository.tag() != null || repository.digest() != null) {
            throw new InvalidBuildRequestException("cache store registry=" + location + " names a tag or digest",
                "each cache entry is its own tag (its key) in the repository", "give the repository only: registry=" + repository.name());
        }
        return new RegistryCacheStore(registryClient.apply(repository), repository);
    }
}
