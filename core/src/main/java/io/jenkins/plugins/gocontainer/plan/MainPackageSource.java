package io.jenkins.plugins.gocontainer.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Go files of a main package declare at top level: the string variables that
 * {@code -ldflags -X} can set, and the packages they import. Read statically, as text: test files,
 * files with {@code //go:build ignore} and files of another package are left out, as the go command
 * leaves them out of the build.
 *
 * <p>A variable can be set with {@code -X} when it is declared {@code var name string} or initialised
 * with a string literal ({@code var version = "dev"}); one initialised by a call is assigned again at
 * run time, so it is not counted.
 */
record MainPackageSource(Set<String> stringVariables, Set<String> imports) {

    static final MainPackageSource EMPTY = new MainPackageSource(Set.of(), Set.of());

    MainPackageSource {
        stringVariables = Collections.unmodifiableSet(new LinkedHashSet<>(stringVariables));
        imports = Collections.unmodifiableSet(new LinkedHashSet<>(imports));
    }

    /** The package in {@code directory}; an unreadable file counts as empty (the go command reports it better). */
    static MainPackageSource read(Path directory) {
        List<String> texts = new ArrayList<>();
        for (Path file : MainPackages.buildFiles(directory)) {
            try {
                texts.add(Files.readString(file));
            } catch (IOException | RuntimeException unreadable) {
                // left out: best effort
            }
        }
        return parse(texts);
    }

    /** The declarations of the files among {@code texts} that are package main and take part in a build. */
    static MainPackageSource parse(List<String> texts) {
        Set<String> variables = new LinkedHashSet<>();
        Set<String> imports = new LinkedHashSet<>();
        for (String text : texts) {
            if (MainPackages.packageName(text).filter("main"::equals).isPresent()) {
                new Parser(Lexer.tokens(text), variables, imports).file();
            }
        }
        return new MainPackageSource(variables, imports);
    }

    /** A Go token: an identifier, a string literal (its content), another literal (a number or rune), or an operator. */
    private record Token(Kind kind, String text) {
        boolean is(String value) {
            return (kind == Kind.OTHER || kind == Kind.IDENTIFIER) && text.equals(value);
        }

        /** How the token changes the nesting of parentheses, brackets and braces. */
        int nesting() {
            return is("(") || is("[") || is("{") ? 1 : is(")") || is("]") || is("}") ? -1 : 0;
        }
    }

    private enum Kind { IDENTIFIER, STRING, LITERAL, OTHER }

    /** Go's tokens without comments, with the semicolons the language inserts at line ends written as {@code ;}. */
    private static final class Lexer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private int position;

        private Lexer(String text) {
            this.text = text;
        }

        static List<Token> tokens(String text) {
            Lexer lexer = new Lexer(text);
            lexer.run();
            return lexer.tokens;
        }

        private void run() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c == '\n') {
                    lineEnd();
                    position++;
                } else if (Character.isWhitespace(c)) {
                    position++;
                } else if (text.startsWith("//", position)) {
                    int end = text.indexOf('\n', position);
                    position = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", position)) {
                    int end = text.indexOf("*/", position + 2);
                    int stop = end < 0 ? text.length() : end + 2;
                    if (text.substring(position, stop).indexOf('\n') >= 0) {
                        lineEnd();
                    }
                    position = stop;
                } else if (c == '"' || c == '\'') {
                    quoted(c);
                } else if (c == '`') {
                    int end = text.indexOf('`', position + 1);
                    int stop = end < 0 ? text.length() : end;
                    tokens.add(new Token(Kind.STRING, text.substring(position + 1, stop)));
                    position = Math.min(text.length(), stop + 1);
                } else if (Character.isLetter(c) || c == '_') {
                    int start = position;
                    while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                        position++;
                    }
                    tokens.add(new Token(Kind.IDENTIFIER, text.substring(start, position)));
                } else if (Character.isDigit(c)) {
                    int start = position;
                    while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '.'
                        || text.charAt(position) == '_')) {
                        position++;
                    }
                    tokens.add(new Token(Kind.LITERAL, text.substring(start, position)));
                } else {
                    tokens.add(new Token(Kind.OTHER, String.valueOf(c)));
                    position++;
                }
            }
            lineEnd();
        }

        /** An interpreted string or a rune: to the closing quote, escapes skipped. */
        private void quoted(char quote) {
            int start = position + 1;
            int i = start;
            while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            int stop = Math.min(i, text.length());
            tokens.add(new Token(quote == '"' ? Kind.STRING : Kind.LITERAL, text.substring(start, stop)));
            position = Math.min(text.length(), stop + 1);
        }

        /** Go inserts a semicolon after a line's last token when it can end a statement. */
        private void lineEnd() {
            if (tokens.isEmpty()) {
                return;
            }
            Token last = tokens.get(tokens.size() - 1);
            if (last.kind() != Kind.OTHER || last.is(")") || last.is("]") || last.is("}")) {
                tokens.add(new Token(Kind.OTHER, ";"));
            }
        }
    }

    /** The top level of one file: its import declarations and var declarations; function bodies are skipped. */
    private static final class Parser {
        private final List<Token> tokens;
        private final Set<String> variables;
        private final Set<String> imports;
        private int position;

        Parser(List<Token> tokens, Set<String> variables, Set<String> imports) {
            this.tokens = tokens;
            this.variables = variables;
            this.imports = imports;
        }

        void file() {
            int depth = 0;
            while (position < tokens.size()) {
                Token token = tokens.get(position++);
                if (depth == 0 && token.is("import")) {
                    group(this::importSpec);
                } else if (depth == 0 && token.is("var")) {
                    group(this::varSpec);
                } else {
                    depth = Math.max(0, depth + token.nesting());
                }
            }
        }

        /** One spec, or a parenthesised group of specs separated by semicolons. */
        private void group(java.util.function.Consumer<List<Token>> spec) {
            boolean grouped = position < tokens.size() && tokens.get(position).is("(");
            if (grouped) {
                position++;
            }
            List<Token> current = new ArrayList<>();
            int depth = 0;
            while (position < tokens.size()) {
                Token token = tokens.get(position++);
                if (depth == 0 && (token.is(";") || (grouped && token.is(")")))) {
                    if (!current.isEmpty()) {
                        spec.accept(current);
                    }
                    current = new ArrayList<>();
                    if (!grouped || token.is(")")) {
                        return;
                    }
                    continue;
                }
                depth += token.nesting();
                current.add(token);
            }
            if (!current.isEmpty()) {
                spec.accept(current);
            }
        }

        private void importSpec(List<Token> spec) {
            Token path = spec.get(spec.size() - 1);
            if (path.kind() == Kind.STRING) {
                imports.add(path.text());
            }
        }

        /** {@code a, b string}, {@code a string = "x"}, {@code a, b = "x", "y"}: the names that hold a string -X can set. */
        private void varSpec(List<Token> spec) {
            List<String> names = new ArrayList<>();
            int i = 0;
            while (i < spec.size() && spec.get(i).kind() == Kind.IDENTIFIER) {
                names.add(spec.get(i).text());
                i++;
                if (i < spec.size() && spec.get(i).is(",")) {
                    i++;
                } else {
                    break;
                }
            }
            boolean typedString = i < spec.size() && spec.get(i).is("string") && spec.get(i).kind() == Kind.IDENTIFIER;
            if (typedString) {
                i++;
            }
            if (i == spec.size()) {
                if (typedString) {
                    variables.addAll(names);
                }
                return;
            }
            if (!spec.get(i).is("=")) {
                return; // another type
            }
            List<List<Token>> values = split(spec.subList(i + 1, spec.size()));
            for (int n = 0; n < names.size() && n < values.size(); n++) {
                List<Token> value = values.get(n);
                if (value.size() == 1 && value.get(0).kind() == Kind.STRING) {
                    variables.add(names.get(n));
                }
            }
        }

        /** An expression list split at its top-level commas. */
        private static List<List<Token>> split(List<Token> expressions) {
            List<List<Token>> values = new ArrayList<>();
            List<Token> current = new ArrayList<>();
            int depth = 0;
            for (Token token : expressions) {
                if (depth == 0 && token.is(",")) {
                    values.add(current);
                    current = new ArrayList<>();
                    continue;
                }
                depth += token.nesting();
                current.add(token);
            }
            values.add(current);
            return values;
        }
    }
}
