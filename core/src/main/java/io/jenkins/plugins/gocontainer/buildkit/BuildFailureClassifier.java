package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BaseImageAdvice;
import io.jenkins.plugins.gocontainer.plan.BaseImageMappings;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileImages;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;

import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.KnownHosts;
import io.jenkins.plugins.gocontainer.exec.CommandResult;
import io.jenkins.plugins.gocontainer.gomod.GoError;
import io.jenkins.plugins.gocontainer.gomod.GoErrorCatalogue;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns a failed BuildKit client run into the most specific {@link BuildFailedException}. */
final class BuildFailureClassifier {

    private static final Pattern COPY_SOURCE_NOT_FOUND = Pattern.compile("\"(/[^\"]*)\": not found");
    private static final Pattern COPY_STEP = Pattern.compile("^\\[[^]]*] (COPY|ADD) .*");
    private static final Pattern EXIT_CODE = Pattern.compile("did not complete successfully: exit code: (\\d+)");
    private static final Pattern BASE_IMAGE = Pattern.compile("failed to resolve source metadata for (\\S+?):(?:\\s|$)");
    private static final String LOAD_METADATA = "[internal] load metadata for ";
    private static final List<String> CONNECTION_ERRORS = List.of(
        "failed to list workers", "error while dialing", "failed to dial", "connection error", "connect: connection refused",
        "connect: no such file or directory", "no such host");
    /** What the client says when the builder's end of the connection goes away after the build started. */
    private static final List<String> CONNECTION_LOST = List.of("error reading from server: eof", "transport is closing",
        "code = unavailable desc = connection error", "connection reset by peer");
    private static final List<String> UNAUTHORIZED = List.of("401 unauthorized", "403 forbidden", "unauthorized", "authorization failed",
        "denied", "authentication required");
    private static final List<String> UNREACHABLE = List.of("connection refused", "no such host", "i/o timeout", "network is unreachable",
        "connection reset", "tls: ", "server gave http response to https client");

    private BuildFailureClassifier() {
    }

    /** BuildKit resolves FROM images in "[internal] load metadata for IMAGE" steps. */
    private static Optional<String> unavailableBaseImage(Optional<ProgressLog.Step> failed, String finalError) {
        Matcher base = BASE_IMAGE.matcher(finalError);
        if (base.find()) {
            return Optional.of(base.group(1));
        }
        return failed.map(ProgressLog.Step::name)
            .filter(name -> name.startsWith(LOAD_METADATA))
            .map(name -> name.substring(LOAD_METADATA.length()).strip());
    }

    /** The image that could not be pulled is the Dockerfile's frontend, or a base image: advice fitted to the stages that use it. */
    private static BuildFailedException unavailableImage(BuildPlan plan, String image, int exitCode, List<String> lines) {
        Optional<DockerfileImages> images = plan.dockerfileImages();
        Optional<String> frontend = images.flatMap(DockerfileImages::syntax).filter(syntax -> BaseImageMappings.sameImage(syntax, image));
        if (frontend.isPresent()) {
            return new FrontendUnavailableException(frontend.get(), plan.dockerfile().describe(), exitCode, lines);
        }
        boolean generated = plan.dockerfile() instanceof DockerfileSource.Generated;
        return new BaseImageUnavailableException(image,
            BaseImageAdvice.remedy(image, images.orElse(DockerfileImages.parse("", Map.of(), Map.of())), generated), exitCode, lines);
    }

    /** Where this build's own settings explain a go failure, say so: the user cannot see them in go's output. */
    private static String buildNote(BuildPlan plan, GoError error) {
        boolean privateSet = plan.buildArgs().containsKey(GoPrivateEnvironment.GOPRIVATE) || plan.buildArgs().containsKey(GoPrivateEnvironment.GONOPROXY);
        return switch (error.kind()) {
            case PROXY_NOT_FOUND, CHECKSUM_DATABASE_LOOKUP, GIT_TERMINAL_PROMPTS_DISABLED -> privateSet ? ""
                : " This build sets no GOPRIVATE: give the private module patterns with {@goPrivate} (e.g. {@goPrivate} git.example.com/team/*).";
            case SSH_KEY_REFUSED -> plan.sshMounts().isEmpty() ? " This build forwards no SSH key: add {@sshKey} FILE or {@sshAgent}." : "";
            case SSH_HOST_KEY_UNVERIFIED -> plan.secrets().stream().anyMatch(s -> s.id().equals(KnownHosts.SECRET_ID)) ? ""
                : " This build was given no known_hosts: add {@knownHosts} FILE.";
            default -> "";
        };
    }

    /**
     * A COPY or ADD whose source BuildKit did not find: a symbolic link that leaves the context
     * (BuildKit sends the link, not what it points to, and never anything outside the context),
     * or a path the context does not have.
     */
    private static Optional<BuildFailedException> copySourceProblem(BuildPlan plan, Optional<ProgressLog.Step> failed, String error,
                                                                     CommandResult result) {
        Matcher notFound = COPY_SOURCE_NOT_FOUND.matcher(error);
        if (failed.isEmpty() || !COPY_STEP.matcher(failed.get().name()).matches() || !notFound.find()) {
            return Optional.empty();
        }
        String step = failed.get().name().substring(failed.get().name().indexOf("] ") + 2);
        Path context = plan.contextDirectory();
        String source = notFound.group(1).substring(1);
        Path current = context;
        for (Path part : Path.of(source)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                try {
                    Path target = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
                    if (!target.startsWith(context)) {
                        return Optional.of(new BuildFailedException(step + ": " + context.relativize(current) + " in the build context is a symbolic link to "
                            + target + ", outside the context",
                            "BuildKit sends the build context's own files only: a link that leaves it arrives dangling, so the file is 'not found'"
                                + " (and nothing outside the context reached the builder)",
                            "copy the file into the context instead of linking to it, or make the link point inside " + context,
                            result.exitCode(), List.of(error)));
                    }
                } catch (IOException unreadable) {
                    return Optional.empty();
                }
            }
        }
        if (!Files.exists(context.resolve(source), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(new BuildFailedException(step + ": the build context " + context + " has no " + source,
                "COPY and ADD read from the build context, which is " + context,
                "check the path in the Dockerfile (it is relative to the context, not to the Dockerfile), or the {@context} setting",
                result.exitCode(), List.of(error)));
        }
        return Optional.of(new BuildFailedException(step + ": " + source + " is in " + context + " but did not reach the builder",
            "a .dockerignore pattern excludes it (" + context.resolve(".dockerignore") + ", or the Dockerfile's own NAME.dockerignore)",
            "change the .dockerignore pattern that matches " + source + ", or copy another path",
            result.exitCode(), List.of(error)));
    }

    /**
     * The client lost the builder after the build started: "failed to receive status: rpc error:
     * code = Unavailable ..." or "failed to solve: Unavailable: ...", the gRPC status of a daemon that
     * went away; a "failed to solve" of any other kind is the build's own failure (a push reset, say).
     */
    private static boolean builderConnectionLost(String lowerFinal) {
        if (lowerFinal.contains("failed to solve: unavailable: ") || lowerFinal.contains("failed to receive status: rpc error: code = unavailable")) {
            return true;
        }
        return !lowerFinal.contains("failed to solve:") && CONNECTION_LOST.stream().anyMatch(lowerFinal::contains);
    }

    static BuildFailedException classify(BuildPlan plan, BuildDriver driver, ProgressLog progress, CommandResult result) {
        List<String> tail = result.lastLines();
        String finalError = progress.finalError().orElse(tail.isEmpty() ? "" : tail.get(tail.size() - 1));
        String lowerFinal = finalError.toLowerCase(Locale.ROOT);
        Optional<ProgressLog.Step> failed = progress.failedStep();
        String error = failed.flatMap(ProgressLog.Step::error).orElse(finalError);
        String lowerError = error.toLowerCase(Locale.ROOT);
        // Checked first: a base image on an unreachable registry also says "no such host", but the builder answered.
        Optional<String> baseImage = unavailableBaseImage(failed, finalError);
        if (baseImage.isPresent()) {
            return unavailableImage(plan, baseImage.get(), result.exitCode(), List.of(finalError.isEmpty() ? error : finalError));
        }
        if (!progress.builderAnswered() && !lowerFinal.contains("failed to solve:") && CONNECTION_ERRORS.stream().anyMatch(lowerFinal::contains)) {
            return new BuilderUnreachableException(driver.builderDescription(), result.exitCode(), List.of(finalError));
        }
        if (progress.builderAnswered() && builderConnectionLost(lowerFinal)) {
            return new BuilderStoppedException(driver.builderDescription(), finalError, result.exitCode(), List.of(finalError));
        }
        if (lowerError.contains("failed to push") || failed.map(s -> s.name().startsWith("exporting to image")).orElse(false)) {
            String names = plan.imageNames().stream().map(ImageReference::toString).collect(Collectors.joining(", "));
            RegistryPushException.Cause cause = UNAUTHORIZED.stream().anyMatch(lowerError::contains) ? RegistryPushException.Cause.UNAUTHORIZED
                : UNREACHABLE.stream().anyMatch(lowerError::contains) ? RegistryPushException.Cause.UNREACHABLE
                : RegistryPushException.Cause.OTHER;
            return new RegistryPushException(cause, names, error, result.exitCode(), List.of(error));
        }
        Optional<BuildFailedException> copySource = copySourceProblem(plan, failed, error, result);
        if (copySource.isPresent()) {
            return copySource.get();
        }
        Matcher exit = EXIT_CODE.matcher(error);
        if (failed.isPresent() && exit.find()) {
            ProgressLog.Step step = failed.get();
            Optional<GoError> goError = GoErrorCatalogue.explain(step.lastLogLines());
            return new BuildStepFailedException(step.name(), Integer.parseInt(exit.group(1)), error, step.lastLogLines(),
                goError.orElse(null), goError.map(e -> buildNote(plan, e)).orElse(""));
        }
        List<String> shown = new ArrayList<>(failed.map(ProgressLog.Step::lastLogLines).orElse(List.of()));
        if (shown.isEmpty()) {
            shown.addAll(tail);
        } else {
            shown.add(error);
        }
        return new BuildFailedException(
            failed.map(s -> "build step failed: " + s.name()).orElse(driver.name() + " failed with exit code " + result.exitCode()),
            "BuildKit reported: " + error,
            "fix what the output reports; run with --dry-run to see the exact command",
            result.exitCode(), shown);
    }
}
