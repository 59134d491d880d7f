package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a bcrypt htpasswd file with Apache's htpasswd, the password passed on stdin. */
public final class Htpasswd {

    private Htpasswd() {
    }

    public static Path write(Path file, String user, String password) throws IOException, InterruptedException {
        RequiredTools.require("htpasswd");
        Process process = new ProcessBuilder("htpasswd", "-B", "-i", "-c", file.toString(), user)
            .redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || !Files.readString(file).startsWith(user + ":$2")) {
            throw new IOException("htpasswd failed: " + output);
        }
        return file;
    }
}
