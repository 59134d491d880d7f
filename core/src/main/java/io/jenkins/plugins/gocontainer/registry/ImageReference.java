package io.jenkins.plugins.gocontainer.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed and normalised image reference: registry, repository, optional tag and digest.
 *
 * <p>Follows the grammar of {@code distribution/reference}: the first path component is a
 * registry when it contains a '.' or ':' or is {@code localhost}; otherwise the reference is on
 * Docker Hub ({@code docker.io}), where one-component names live under {@code library/}.
 */
public record ImageReference(String registry, String repository, String tag, String digest) implements java.io.Serializable {

    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern DOMAIN = Pattern.compile(
        "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(?:\\.[0-9]{1,3}){3}");
    private static final int MAX_NAME_LENGTH = 255;

    public ImageReference {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
    }

    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidImageReferenceException(String.valueOf(text), "it is empty");
        }
        if (!text.equals(text.strip())) {
            throw new InvalidImageReferenceException(text, "it has leading or trailing white space");
        }
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new InvalidImageReferenceException(text, "'" + digest + "' is not a digest (expected sha256:<64 hex digits>)");
            }
            if (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches()) {
                throw new InvalidImageReferenceException(text, "a sha256 digest has exactly 64 lower-case hex digits");
            }
        }
        String tag = null;
        int lastSlash = rest.lastIndexOf('/');
        int colon = rest.lastIndexOf(':');
        if (colon > lastSlash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidImageReferenceException(text, "tag '" + tag + "' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidImageReferenceException(text, "the repository name is missing");
        }
        String registry;
        String path;
        int firstSlash = rest.indexOf('/');
        String first = firstSlash < 0 ? rest : rest.substring(0, firstSlash);
        boolean hasRegistry = firstSlash >= 0
            && (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(Locale.ROOT)));
        if (hasRegistry) {
            registry = first;
            path = rest.substring(firstSlash + 1);
            if (!DOMAIN.matcher(registry).matches()) {
                throw new InvalidImageReferenceException(text, "'" + registry + "' is not a valid registry host[:port]");
            }
        } else {
            registry = DOCKER_HUB;
            path = rest;
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                String why = component.isEmpty() ? "it has an empty path component"
                    : !component.equals(component.toLowerCase(Locale.ROOT)) ? "repository names must be lower case ('" + component + "')"
                    : "'" + component + "' is not a valid repository path component";
                throw new InvalidImageReferenceException(text, why);
            }
        }
        if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
            registry = DOCKER_HUB;
        }
        if (registry.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        if ((registry + "/" + path).length() > MAX_NAME_LENGTH) {
            throw new InvalidImageReferenceException(text, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return new ImageReference(registry, path, tag, digest);
    }

    public Optional<String> tagOptional() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> digestOptional() {
        return Optional.ofNullable(digest);
    }

    /** registry/repository, without tag or digest. */
    public String name() {
        return registry + "/" + repository;
    }

    /**
     * The short form Docker prints ({@code distribution/reference}'s familiar string): Docker Hub's
     * host and its {@code library/} namespace left out, tag and digest kept.
     */
    public String familiar() {
        String familiarName = name();
        if (registry.equals(DOCKER_HUB)) {
            familiarName = repository.startsWith("library/") && repository.indexOf('/', "library/".length()) < 0
                ? repository.substring("library/".length()) : repository;
        }
        StringBuilder text = new StringBuilder(familiarName);
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }

    /** This repository, without tag or digest. */
    public ImageReference repositoryOnly() {
        return new ImageReference(registry, repository, null, null);
    }

    public ImageReference withTag(String newTag) {
        return parse(name() + ":" + newTag);
    }

    public ImageReference withDigest(String newDigest) {
        return parse(name() + "@" + newDigest);
    }

    /** The host part of the registry, without port. */
    public String host() {
        if (registry.startsWith("[")) {
            return registry.substring(0, registry.indexOf(']') + 1);
        }
        int colon = registry.lastIndexOf(':');
        return colon < 0 ? registry : registry.substring(0, colon);
    }

    /** True for registries on this machine's loopback, which are spoken to over plain HTTP. */
    public boolean isLoopbackRegistry() {
        String host = host();
        return host.equals("localhost") || host.equals("[::1]") || LOOPBACK_IPV4.matcher(host).matches();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name());
        if (tag != null) {
            text.append(':').append(tag);
        }
        if (digest != null) {
            text.append('@').append(digest);
        }
        return text.toString();
    }
}
