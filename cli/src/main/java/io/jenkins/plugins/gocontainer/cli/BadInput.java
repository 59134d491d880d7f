package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.function.Supplier;

/** Reads flag values whose parsers throw plain {@link GocbException}s: a bad value is bad input (exit code 2). */
final class BadInput {

    private BadInput() {
    }

    static <T> T whileParsing(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidBuildRequestException e) {
            throw e;
        } catch (GocbException e) {
            throw new InvalidBuildRequestException(e.problem(), e.reason(), e.remedy());
        }
    }
}
