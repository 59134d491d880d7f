package io.jenkins.plugins.gocontainer.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The forced command of {@link GitSshServer}'s keys: a shell script that behaves like a git
 * host's SSH entry point. It runs only {@code git-upload-pack 'PATH'} and
 * {@code git-receive-pack 'PATH'} (what git sends for {@code ssh://} and {@code user@host:path}
 * URLs), maps PATH onto the repository root whether it starts with '/' or not, and refuses
 * shells, other commands and paths with {@code ..}. git itself adds the {@code .git} suffix when
 * looking up {@code team/secretlib}.
 */
final class GitHostCommand {

    /** Paths that need no quoting inside the script's single-quoted strings. */
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._+-]*");

    private GitHostCommand() {
    }

    /** Writes the script (mode 0700) and returns it. */
    static Path write(Path script, Path repositoryRoot, Path git) throws IOException {
        for (Path path : new Path[] {script, repositoryRoot, git}) {
            if (!PLAIN_PATH.matcher(path.toString()).matches()) {
                throw new IOException("fixture path needs quoting, which the forced command does not do: " + path);
            }
        }
        String text = """
            #!/bin/sh
            # Forced command of the gocb test git server: git-upload-pack / git-receive-pack only.
            set -eu
            root='%s'
            request=${SSH_ORIGINAL_COMMAND:-}
            case "$request" in
              "git-upload-pack '"*"'" | "git-receive-pack '"*"'") ;;
              *)
                echo "gocb test git server: only git-upload-pack and git-receive-pack are served, not: ${request:-an interactive shell}" >&2
                exit 128 ;;
            esac
            service=${request%%%% *}
            path=${request#* \\'}
            path=${path%%\\'}
            case "$path" in
              *"'"* | *..*)
                echo "gocb test git server: invalid repository path: $path" >&2
                exit 128 ;;
            esac
            exec '%s' "${service#git-}" "$root/${path#/}"
            """.formatted(repositoryRoot, git);
        Files.writeString(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
