package io.jenkins.plugins.gocontainer.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The context's {@code .dockerignore}, as BuildKit applies it: patterns relative to the context
 * root, {@code *}, {@code ?} and {@code **}, a pattern that matches a directory excludes what is
 * inside it, and {@code !pattern} re-includes; the last matching line wins. Used to catch the seeds'
 * "works locally, fails in Docker" case of go.mod, go.sum or vendor/ ignored by the build.
 */
final class DockerIgnore {

    private record Rule(Pattern pattern, boolean exclude, String text) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore of(Path context) {
        Path file = context.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return new DockerIgnore(List.of());
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return new DockerIgnore(List.of()); // BuildKit reports an unreadable .dockerignore itself
        }
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclude = !line.startsWith("!");
            String pattern = (exclude ? line : line.substring(1)).strip();
            while (pattern.startsWith("/") || pattern.startsWith("./")) {
                pattern = pattern.substring(pattern.startsWith("/") ? 1 : 2);
            }
            while (pattern.endsWith("/") && pattern.length() > 1) {
                pattern = pattern.substring(0, pattern.length() - 1);
            }
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(regex(pattern)), exclude, line));
            }
        }
        return new DockerIgnore(rules);
    }

    /** The line that excludes {@code relativePath} (or one of its parent directories), if the file excludes it. */
    java.util.Optional<String> excludingLine(String relativePath) {
        String matched = null;
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesPathOrParent(rule.pattern(), relativePath)) {
                excluded = rule.exclude();
                matched = rule.text();
            }
        }
        return excluded ? java.util.Optional.of(matched) : java.util.Optional.empty();
    }

    private static boolean matchesPathOrParent(Pattern pattern, String path) {
        String candidate = path;
        while (true) {
            if (pattern.matcher(candidate).matches()) {
                return true;
            }
            int slash = candidate.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            candidate = candidate.substring(0, slash);
        }
    }

    private static String regex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                // As moby's patternmatcher: ** at the end is anything; elsewhere any directories, "**/" eating its slash.
                i++;
                if (i + 1 == glob.length()) {
                    regex.append(".*");
                } else {
                    regex.append("(.*/)?");
                    if (glob.charAt(i + 1) == '/') {
                        i++;
                    }
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '[') {
                int end = glob.indexOf(']', i);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    // Passed to the regular expression as written, as moby does: only '^' negates.
                    regex.append(glob, i, end + 1);
                    i = end;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
