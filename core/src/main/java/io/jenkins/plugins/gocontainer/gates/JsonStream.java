package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a stream of concatenated JSON objects (staticcheck's one per line, go vet's one per
 * package) from the plain-text lines between them ({@code # pkg} headers when stderr is captured).
 * Parse errors carry positions in the whole stream, not in the fragment.
 */
final class JsonStream {

    sealed interface Segment permits JsonObject, TextLine {
        int line();
    }

    record JsonObject(int line, Object value) implements Segment {
    }

    record TextLine(int line, String text) implements Segment {
    }

    private JsonStream() {
    }

    /** @throws JsonSyntaxException with the line and column in {@code text} where an object broke */
    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        int line = 1;
        while (position < text.length()) {
            int lineEnd = text.indexOf('\n', position);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String lineText = text.substring(position, lineEnd);
            String trimmed = lineText.strip();
            if (trimmed.isEmpty()) {
                position = lineEnd + 1;
                line++;
            } else if (trimmed.startsWith("{")) {
                int start = position + lineText.indexOf('{');
                int end = endOfObject(text, start);
                String fragment = " ".repeat(start - position) + text.substring(start, end);
                segments.add(new JsonObject(line, parseAt(fragment, line)));
                line += count(text, start, end, '\n');
                position = end;
                // the rest of the line after an object is normally a newline; keep anything else as text
                int restEnd = text.indexOf('\n', position);
                restEnd = restEnd < 0 ? text.length() : restEnd;
                String rest = text.substring(position, restEnd).strip();
                if (!rest.isEmpty()) {
                    segments.add(new TextLine(line, rest));
                }
                position = restEnd + 1;
                line++;
            } else {
                segments.add(new TextLine(line, trimmed));
                position = lineEnd + 1;
                line++;
            }
        }
        return segments;
    }

    private static Object parseAt(String fragment, int firstLine) {
        try {
            return Json.parse(fragment);
        } catch (JsonSyntaxException e) {
            String what = e.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", "");
            throw new JsonSyntaxException(what, firstLine + e.line() - 1, e.column());
        }
    }

    /** The index after the brace closing the object at {@code start}, or the end of text if it never closes. */
    private static int endOfObject(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return text.length();
    }

    private static int count(String text, int from, int to, char wanted) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
