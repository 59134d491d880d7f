package io.jenkins.plugins.gocontainer.exec;

/** Receives a command's output one line at a time, after masking. */
@FunctionalInterface
public interface OutputSink {

    void line(String line);

    /** A sink that drops everything. */
    static OutputSink discard() {
        return line -> { };
    }
}
