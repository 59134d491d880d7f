package io.jenkins.plugins.gocontainer.plan;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.jenkins.plugins.gocontainer.GocbException.setting;

/**
 * The main packages of a module, so that the package the generated Dockerfile builds is checked
 * before any build starts, and a wrong one is answered with the packages the module does have.
 */
final class MainPackages {

    private static final Pattern PACKAGE_CLAUSE = Pattern.compile("(?m)^package\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IGNORED = Pattern.compile("(?m)^//go:build\\s+ignore\\s*$");
    private static final int LISTED = 10;

    private MainPackages() {
    }

    /** Refuses {@code mainPackage} ("." or "./dir", relative to {@code moduleRoot}) unless it is a main package. */
    static void require(Path moduleRoot, String modulePath, String mainPackage) {
        Path directory = moduleRoot.resolve(mainPackage).normalize();
        List<String> names = Files.isDirectory(directory) ? packageNames(directory) : List.of();
        if (names.contains("main")) {
            return;
        }
        String problem = !Files.isDirectory(directory)
            ? "the main package " + mainPackage + " does not exist in the module " + modulePath + " (no directory " + directory + ")"
            : names.isEmpty() ? "the main package " + mainPackage + " of the module " + modulePath + " has no Go files (" + directory + ")"
            : mainPackage + " is package " + String.join(", ", names) + ", not a main package";
        List<String> mains = find(moduleRoot);
        String remedy = mains.isEmpty()
            ? "the module has no main package: a service needs a directory with package main and func main(), or point {@context} at the module that has one"
            : "give " + setting("mainPackage") + " one of the module's main packages: " + String.join(", ", mains.subList(0, Math.min(LISTED, mains.size())))
                + (mains.size() > LISTED ? ", ..." : "");
        throw new InvalidBuildRequestException(problem, "the generated Dockerfile runs go build on " + setting("mainPackage")
            + " (default: the module root) and puts the binary in the image", remedy);
    }

    /** The module's main packages as "./dir" (the root as "."), sorted; vendor/, testdata/, hidden and nested modules left out. */
    static List<String> find(Path moduleRoot) {
        List<String> mains = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(moduleRoot)) {
            walk.filter(Files::isDirectory).filter(dir -> included(moduleRoot, dir)).sorted()
                .filter(dir -> packageNames(dir).contains("main"))
                .forEach(dir -> mains.add(dir.equals(moduleRoot) ? "." : "./" + moduleRoot.relativize(dir).toString().replace('\\', '/')));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return mains;
        }
        return mains;
    }

    private static boolean included(Path moduleRoot, Path dir) {
        for (Path part : moduleRoot.relativize(dir)) {
            String name = part.toString();
            if (name.equals("vendor") || name.equals("testdata") || name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        return dir.equals(moduleRoot) || !Files.exists(dir.resolve("go.mod"));
    }

    /** The package names declared by the directory's Go files that take part in a build (no tests, no //go:build ignore). */
    private static List<String> packageNames(Path directory) {
        List<String> names = new ArrayList<>();
        for (Path file : buildFiles(directory)) {
            packageName(file).filter(name -> !names.contains(name)).ifPresent(names::add);
        }
        return names;
    }

    /** The directory's .go files that are not tests, sorted; empty when it cannot be read. */
    static List<Path> buildFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".go") && !f.toString().endsWith("_test.go") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    private static Optional<String> packageName(Path file) {
        try {
            return packageName(Files.readString(file));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The package a Go file's text declares, empty when it has no package clause or is left out of builds by //go:build ignore. */
    static Optional<String> packageName(String text) {
        Matcher clause = PACKAGE_CLAUSE.matcher(text);
        if (!clause.find() || IGNORED.matcher(text.substring(0, clause.start())).find()) {
            return Optional.empty();
        }
        return Optional.of(clause.group(1));
    }
}
