package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.registry.ImageReference;
import io.jenkins.plugins.gocontainer.registry.InvalidImageReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Matches the user's base-image replacements ({@code golang:1.26=DIR}) to the images the
 * Dockerfile reads, however either side spells them: {@code alpine}, {@code alpine:latest} and
 * {@code docker.io/library/alpine:latest} are one image. BuildKit looks a named context up by the
 * image's short form without {@code :latest}, so that is the name each replacement is given; one
 * written in any other spelling would silently never apply.
 */
public final class BaseImageMappings {

    /** The replacements under the names BuildKit looks up, and what the user should know about how they matched. */
    public record Resolved(List<NamedContext> contexts, List<String> notes) {
        public Resolved {
            contexts = List.copyOf(contexts);
            notes = List.copyOf(notes);
        }
    }

    private BaseImageMappings() {
    }

    /** The name under which BuildKit's Dockerfile frontend looks up a replacement for {@code image}. */
    public static String lookupName(String image) {
        return lookupName(parse(image, image));
    }

    /** Whether two spellings name one image; an unreadable one names none. */
    public static boolean sameImage(String one, String other) {
        Optional<ImageReference> first = parseUsed(one);
        Optional<ImageReference> second = parseUsed(other);
        return first.isPresent() && second.isPresent() && lookupName(first.get()).equals(lookupName(second.get()));
    }

    static String lookupName(ImageReference reference) {
        String familiar = reference.familiar();
        return familiar.endsWith(":latest") ? familiar.substring(0, familiar.length() - ":latest".length()) : familiar;
    }

    /**
     * Renames each replacement after the image of {@code dockerfile} it stands for. A replacement
     * without a digest also stands for a digest-pinned use of the same name and tag (a note says
     * that the digest is not checked); one that matches no image is an error listing the images.
     */
    public static Resolved resolve(List<NamedContext> replacements, DockerfileImages dockerfile, String dockerfileName) {
        return resolve(replacements, List.of(), dockerfile, dockerfileName);
    }

    /**
     * As {@link #resolve(List, DockerfileImages, String)}, with {@code defaults} (replacements
     * configured for every build) applied where they match and passed over where they do not; a
     * replacement given for the build wins over a default for the same image.
     */
    public static Resolved resolve(List<NamedContext> replacements, List<NamedContext> defaults, DockerfileImages dockerfile,
                                   String dockerfileName) {
        List<NamedContext> contexts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> images = dockerfile.images();
        for (NamedContext replacement : replacements) {
            ImageReference wanted = parse(replacement.name(), replacement.name());
            String wantedName = lookupName(wanted);
            List<String> matched = new ArrayList<>();
            for (String image : images) {
                Optional<ImageReference> used = parseUsed(image);
                if (used.isEmpty()) {
                    continue;
                }
                String usedName = lookupName(used.get());
                if (usedName.equals(wantedName)) {
                    matched.add(usedName);
                } else if (wanted.digest() == null && used.get().digest() != null
                    && lookupName(withoutDigest(used.get())).equals(wantedName)) {
                    matched.add(usedName);
                    notes.add("gocb: note: " + replacement.name() + " has no digest and stands for FROM " + image + " of " + dockerfileName
                        + "; the replacement's content is not checked against that digest");
                }
            }
            if (matched.isEmpty()) {
                throw new InvalidBuildRequestException(
                    "the base-image replacement " + replacement.name() + "=" + replacement.source() + " matches no image that " + dockerfileName
                        + " reads",
                    images.isEmpty() ? "it reads no image (every stage starts FROM scratch or an earlier stage)"
                        : "it reads " + String.join(", ", images) + " (ARGs expanded); a replacement applies only to the same image",
                    images.isEmpty() ? "remove {@baseImages} " + replacement.name()
                        : "name the image as it is read, e.g. {@baseImages} " + lookupName(images.get(0)) + "=" + replacement.source()
                            + ", or remove the replacement");
            }
            matched.stream().distinct().forEach(name -> contexts.add(replacement.renamed(name)));
        }
        for (NamedContext fallback : defaults) {
            String wantedName = lookupName(parse(fallback.name(), fallback.name()));
            images.stream().filter(image -> sameImage(image, wantedName)).map(BaseImageMappings::lookupName).distinct()
                .filter(name -> contexts.stream().noneMatch(context -> context.name().equals(name)))
                .forEach(name -> contexts.add(fallback.renamed(name)));
        }
        return new Resolved(contexts, notes);
    }

    private static Optional<ImageReference> parseUsed(String image) {
        try {
            return Optional.of(ImageReference.parse(image));
        } catch (InvalidImageReferenceException notAnImage) {
            // BuildKit reports a FROM it cannot read; a replacement cannot stand for it anyway.
            return Optional.empty();
        }
    }

    private static ImageReference withoutDigest(ImageReference reference) {
        return new ImageReference(reference.registry(), reference.repository(), reference.tag(), null);
    }

    private static ImageReference parse(String name, String given) {
        try {
            return ImageReference.parse(name);
        } catch (InvalidImageReferenceException e) {
            throw new InvalidBuildRequestException("invalid base-image replacement name '" + given + "'",
                "the name is the image written in FROM, such as golang:1.26 or alpine: " + e.getMessage(),
                "write {@baseImages} IMAGE=DIRECTORY with IMAGE as the Dockerfile's FROM names it");
        }
    }
}
