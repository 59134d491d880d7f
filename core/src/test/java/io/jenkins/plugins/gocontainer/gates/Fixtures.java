package io.jenkins.plugins.gocontainer.gates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the report fixtures under src/test/resources/gates (see the README there for their origin). */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/gates/" + name)) {
            if (in == null) {
                throw new AssertionError("missing test fixture /gates/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LintReport parse(String name) {
        return LintReportReader.parse(read(name), name);
    }
}
