package io.jenkins.plugins.gocontainer.gates;

import io.jenkins.plugins.gocontainer.GocbException;

import java.io.IOException;
import java.nio.file.Path;

/** Recognizes a tar of an OCI image layout, so that only a file like that is ever overwritten by an OCI output. */
public final class OciLayoutTar {

    private OciLayoutTar() {
    }

    /** Whether {@code file} is a complete tar of an OCI image layout (an {@code oci-layout} and an {@code index.json}). */
    public static boolean is(Path file) throws IOException {
        try {
            OciArchive archive = OciArchive.open(file);
            return archive.exists("oci-layout") && archive.exists("index.json");
        } catch (GocbException notALayout) {
            return false;
        }
    }
}
