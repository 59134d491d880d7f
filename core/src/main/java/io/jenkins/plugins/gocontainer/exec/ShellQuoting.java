package io.jenkins.plugins.gocontainer.exec;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** POSIX shell quoting, so that a printed command can be pasted into a terminal as it is. */
public final class ShellQuoting {

    private static final Set<String> RESERVED = Set.of("!", "{", "}", "[[", "]]", "case", "do", "done", "elif", "else", "esac",
        "fi", "for", "function", "if", "in", "select", "then", "time", "until", "while");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** Joins an argv; its first word is quoted whenever the shell would read it as an assignment or keyword. */
    public static String join(List<String> words) {
        if (words.isEmpty()) {
            return "";
        }
        String first = words.get(0);
        String program = first.contains("=") || RESERVED.contains(first) ? "'" + first.replace("'", "'\"'\"'") + "'" : quote(first);
        return Stream.concat(Stream.of(program), words.stream().skip(1).map(ShellQuoting::quote)).collect(Collectors.joining(" "));
    }
}
