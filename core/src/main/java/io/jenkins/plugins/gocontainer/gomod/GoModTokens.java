package io.jenkins.plugins.gocontainer.gomod;

import java.util.ArrayList;
import java.util.List;

/** Splits one line of go.mod into words as the go command does: {@code //} comments, "quoted" and `raw` strings. */
final class GoModTokens {

    private GoModTokens() {
    }

    static List<String> split(String line, String name, int number) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (line.startsWith("//", i)) {
                break;
            } else if (c == '"' || c == '`') {
                StringBuilder word = new StringBuilder();
                int end = i + 1;
                while (end < line.length() && line.charAt(end) != c) {
                    if (c == '"' && line.charAt(end) == '\\' && end + 1 < line.length()) {
                        end++;
                    }
                    word.append(line.charAt(end));
                    end++;
                }
                if (end >= line.length()) {
                    throw GoModFile.malformed(name, number, "unterminated quoted string", "close the string with " + c);
                }
                words.add(word.toString());
                i = end + 1;
            } else if (c == '(' || c == ')') {
                words.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && !line.startsWith("//", end)
                        && line.charAt(end) != '(' && line.charAt(end) != ')') {
                    end++;
                }
                words.add(line.substring(i, end));
                i = end;
            }
        }
        return words;
    }
}
