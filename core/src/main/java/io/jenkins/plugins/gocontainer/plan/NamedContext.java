package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Replaces an image or stage name used in the Dockerfile ({@code FROM golang:1.26}) by another
 * source: a local root filesystem or another image. This is how air-gapped agents and mirrors
 * provide base images.
 */
public record NamedContext(String name, Path directory, String imageReference, Path layoutDirectory) {

    private static final String OCI_LAYOUT = "oci-layout://";

    public NamedContext {
        Objects.requireNonNull(name, "name");
        if ((directory == null) == (imageReference == null)) {
            throw new IllegalArgumentException("a named context has either a directory or an image reference");
        }
        if (layoutDirectory != null && !imageReference.startsWith(OCI_LAYOUT)) {
            throw new IllegalArgumentException("a layout directory goes with an oci-layout:// reference, not " + imageReference);
        }
        if (name.isBlank() || name.contains("=") || name.contains(",")) {
            throw new InvalidBuildRequestException("invalid base-image override name '" + name + "'",
                "the name is the image name written in FROM, such as golang:1.26",
                "write overrides as NAME=DIRECTORY or NAME=docker-image://REFERENCE");
        }
    }

    public static NamedContext localDirectory(String name, Path directory) {
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("a local base image must be an absolute directory: " + directory);
        }
        return new NamedContext(name, directory.normalize(), null, null);
    }

    public static NamedContext image(String name, String reference) {
        return new NamedContext(name, null, reference, null);
    }

    /**
     * The image {@code manifestDigest} of the OCI image layout in {@code layout}, which the client
     * offers BuildKit as the content store {@code storeId}: content-addressed, so the builder
     * receives each blob at most once.
     */
    public static NamedContext ociLayout(String name, String storeId, Path layout, String manifestDigest) {
        return new NamedContext(name, null, OCI_LAYOUT + storeId + "@" + manifestDigest, layout);
    }

    /**
     * Parses {@code NAME=SOURCE}, where SOURCE is a directory, {@code local:DIR},
     * {@code docker-image://REF} or {@code oci-layout://...}; a relative directory is taken in {@code base}.
     */
    public static NamedContext parse(String text, Path base) {
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidBuildRequestException("invalid base-image override '" + text + "'",
                "an override maps the image name used in FROM to a replacement",
                "write NAME=DIRECTORY (a root filesystem) or NAME=docker-image://REFERENCE, e.g. golang:1.26=/srv/rootfs/golang");
        }
        String name = text.substring(0, eq);
        String source = text.substring(eq + 1);
        if (source.startsWith("docker-image://") || source.startsWith("oci-layout://")) {
            return image(name, source);
        }
        Path directory = base.resolve(source.startsWith("local:") ? source.substring("local:".length()) : source).normalize();
        if (!Files.isDirectory(directory)) {
            throw new InvalidBuildRequestException("base-image override " + name + ": directory " + directory + " does not exist",
                "a local override is a root filesystem directory handed to BuildKit",
                "create it (./dev/gobase makes a golang root filesystem from this machine's Go) or fix the path");
        }
        return localDirectory(name, directory);
    }

    /** This replacement under another name: the one BuildKit looks the image up by. */
    public NamedContext renamed(String newName) {
        return new NamedContext(newName, directory, imageReference, layoutDirectory);
    }

    /** What replaces the image: the directory, or the image reference. */
    public String source() {
        return directory != null ? directory.toString() : imageReference;
    }

    /** The store id of an OCI layout the client serves; empty for any other source. */
    public java.util.Optional<String> layoutStoreId() {
        if (layoutDirectory == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(imageReference.substring(OCI_LAYOUT.length(), imageReference.indexOf('@')));
    }

    /** The manifest digest of an OCI layout the client serves. */
    public String layoutDigest() {
        return imageReference.substring(imageReference.indexOf('@') + 1);
    }

    public boolean isLocal() {
        return directory != null;
    }

    /** The name under which the directory is sent to BuildKit as a local source. */
    public String localName() {
        return "ctx-" + name.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
