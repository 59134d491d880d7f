package io.jenkins.plugins.gocontainer.json;

/** A document that is not valid JSON, with the line and column where parsing stopped. */
public class JsonSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public JsonSyntaxException(String what, int line, int column) {
        super(what + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
