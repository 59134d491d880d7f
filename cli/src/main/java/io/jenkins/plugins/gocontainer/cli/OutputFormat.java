package io.jenkins.plugins.gocontainer.cli;

/** How results are printed on standard output; logs always go to standard error. */
public enum OutputFormat {
    human,
    json
}
