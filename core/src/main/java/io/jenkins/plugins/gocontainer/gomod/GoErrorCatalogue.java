package io.jenkins.plugins.gocontainer.gomod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the go command's usual module failures and explains them: what they usually mean
 * (often "works locally, fails in Docker") and what to do, keeping the go command's own lines.
 *
 * <p>Entries are tried in order, most specific first: a security problem (checksum mismatch) wins
 * over everything else in the same output, and the generic "cannot find module" comes last,
 * because go wraps more specific reasons (GOPROXY=off, proxy 404) inside it.
 */
public final class GoErrorCatalogue {

    private record Entry(GoErrorKind kind, Pattern pattern, Function<Matcher, String> cause, Function<Matcher, String> fix) {
        static Entry of(GoErrorKind kind, String regex, String cause, String fix) {
            return new Entry(kind, Pattern.compile(regex), m -> cause, m -> fix);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            Entry.of(GoErrorKind.CHECKSUM_MISMATCH,
                    "checksum mismatch|SECURITY ERROR",
                    "SECURITY WARNING: the module content downloaded now differs from the checksum recorded in go.sum. "
                            + "Either the module was tampered with (compromised proxy, mirror or repository), or its "
                            + "version tag was moved/re-created after go.sum was written (e.g. a force-pushed tag), or "
                            + "a different proxy/mirror serves other bytes for the same version than the one used on the host.",
                    "Do not bypass this check: do not delete go.sum, do not edit the hash, do not turn off "
                            + "verification. Verify the module's origin: compare the 'downloaded' and 'go.sum' hashes "
                            + "above with `go mod download -json <module>@<version>` on a trusted machine and with the "
                            + "checksum database (sum.golang.org for public modules); check with the module's owners that "
                            + "the tag was not moved, and that the build uses the same GOPROXY as the host. If the owners "
                            + "confirm a legitimate re-release, require a new version instead of the re-tagged one."),
            Entry.of(GoErrorKind.GO_MOD_NOT_FOUND,
                    "go\\.mod file not found in current directory or any parent directory"
                            + "|working directory is not part of a module"
                            + "|directory prefix \\S+ does not contain main module",
                    "The go command runs outside the module root: go.mod is not in the working directory or any "
                            + "parent. In Docker this usually means go.mod is outside the build context (the context "
                            + "is a subdirectory of the module), COPY left go.mod/go.sum out, .dockerignore excludes "
                            + "them, or WORKDIR is not the directory that holds go.mod.",
                    "Make the build context the module root (the directory with go.mod), COPY go.mod and go.sum "
                            + "before `go mod download`, set WORKDIR to the directory they were copied to, and check "
                            + ".dockerignore does not exclude go.mod, go.sum or vendor/ (debug with `RUN ls -la && cat go.mod`)."),
            new Entry(GoErrorKind.GO_VERSION_TOO_OLD,
                    Pattern.compile("requires go >= (\\S+) \\(running go ([^;)\\s]+)"),
                    m -> "The module needs Go " + m.group(1) + " but the go command is Go " + m.group(2)
                            + " and may not switch toolchains (GOTOOLCHAIN=local, or no network to download one). "
                            + "In Docker the builder image (FROM golang:...) is often older than the host's Go.",
                    m -> "Use a Go " + m.group(1) + " or newer toolchain (a newer golang base image or agent Go), "
                            + "or, if the module really supports Go " + m.group(2) + ", lower the go directive in go.mod."),
            Entry.of(GoErrorKind.CHECKSUM_DATABASE_LOOKUP,
                    "verifying \\S+: .*(/sumdb/|sum\\.golang\\.org|/lookup/)",
                    "The go command asked the checksum database (GOSUMDB, sum.golang.org by default) about a module it "
                            + "has no go.sum line for, and the lookup failed. For a private module the public database "
                            + "cannot know it (404/410); in Docker, GONOSUMDB/GOPRIVATE set on the host are often "
                            + "missing in the build, or the build has no network to reach the database.",
                    "Set GOPRIVATE (or GONOSUMDB) to the private module path patterns, e.g. GOPRIVATE=git.example.com/*, "
                            + "in the build exactly as on the host; commit a complete go.sum (`go mod tidy`) so the "
                            + "database is not needed; for public modules make sure the database (or GOPROXY's sumdb "
                            + "proxying) is reachable. Do not disable verification for public modules."),
            Entry.of(GoErrorKind.TLS_CERTIFICATE,
                    "x509: certificate has expired or is not yet valid",
                    "TLS verification failed because the certificate is outside its validity period as seen by this "
                            + "machine: usually the clock of the container, VM or agent is wrong (clock skew), or the "
                            + "server's certificate really expired.",
                    "Check the date (`date -u`) on the agent and in the build and synchronise it (NTP); if the clock is "
                            + "right, the server's certificate must be renewed."),
            Entry.of(GoErrorKind.TLS_CERTIFICATE,
                    "x509: |tls: failed to verify certificate",
                    "TLS verification of the proxy or repository failed: the image does not trust the certificate's "
                            + "issuer. Typical in Docker: a corporate proxy/TLS inspection or an internal GOPROXY uses a "
                            + "company CA that the host trusts but the build image (or a minimal base without "
                            + "ca-certificates) does not; also a wrong clock.",
                    "Install the CA in the build image (ca-certificates plus the company CA, then update-ca-certificates, "
                            + "or SSL_CERT_FILE pointing at a bundle that contains it) and check the clock. Do not use "
                            + "GOINSECURE or -insecure to work around it."),
            Entry.of(GoErrorKind.MISSING_GO_SUM_ENTRY,
                    "missing go\\.sum entry",
                    "go.sum lacks the checksum of a module the build needs, and the build may not add it (-mod=readonly "
                            + "is the default). Usually go.sum was not updated and committed after a dependency change, "
                            + "or go.sum is not in the Docker build context (not copied, or excluded by .dockerignore).",
                    "Run `go mod tidy` (or the `go get`/`go mod download` command go suggests) on the host, commit go.mod "
                            + "and go.sum, and COPY go.sum into the image together with go.mod."),
            Entry.of(GoErrorKind.INCONSISTENT_VENDORING,
                    "inconsistent vendoring",
                    "vendor/modules.txt does not match go.mod: go.mod changed after `go mod vendor` ran, or the vendor "
                            + "directory is stale, incomplete or partly excluded from the build context.",
                    "Run `go mod vendor` and commit vendor/ together with go.mod and go.sum (and keep vendor/ out of "
                            + ".dockerignore); or build without the vendor directory using -mod=mod / -mod=readonly."),
            Entry.of(GoErrorKind.MODULE_PATH_MISMATCH,
                    "module declares its path as",
                    "The go.mod of a dependency (or of a replace target) declares a different module path than the one "
                            + "it was required as: the module was renamed or moved (e.g. a new host or organisation, case "
                            + "changes), a fork keeps the original path, or a replace directive points at the wrong directory.",
                    "Require the module by the path its go.mod declares and update the imports; for a fork, use a replace "
                            + "directive `replace <declared-as path> => <fork>`; check replace targets point at the right "
                            + "directory (and that it is inside the Docker build context)."),
            Entry.of(GoErrorKind.SSH_KEY_REFUSED,
                    "Permission denied \\(publickey",
                    "The git server refused the SSH key: the key given to the build is not authorised for this "
                            + "repository (not the deploy key or user key the server knows, or no read access), or no "
                            + "key reached git at all. It works locally because your own ~/.ssh key or agent answers.",
                    "Give the build the key the server accepts ({@sshKey} FILE, or {@sshAgent} with the key loaded) and "
                            + "check it outside the build with `ssh -i KEY -p PORT USER@HOST` (git hosts answer with a "
                            + "greeting); make sure its public key has read access to the repository and the SSH user is "
                            + "right (usually git)."),
            Entry.of(GoErrorKind.SSH_HOST_KEY_UNVERIFIED,
                    "Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No \\S+ host key is known for",
                    "SSH inside the build could not verify the git server's host key: the known_hosts given to the build "
                            + "has no key for this host (a non-standard port is stored as [host]:port), or the server's "
                            + "key changed. Host key checking is never turned off, because that would let anyone who can "
                            + "redirect the connection read the private code and impersonate the server.",
                    "Add the host's key to the file given with {@knownHosts}: `ssh-keyscan -p PORT HOST >> known_hosts`, "
                            + "then compare `ssh-keygen -lf known_hosts` with the fingerprint the git server publishes. If "
                            + "the key changed, confirm the change with the server's administrators before replacing it."),
            Entry.of(GoErrorKind.NO_SECURE_PROTOCOL,
                    "no secure protocol found for repository",
                    "The module path ends in a version-control qualifier (.git), so the go command tried git over https, "
                            + "git+ssh and ssh in turn; all of them failed and go reports only this, hiding git's own error. "
                            + "Usually the SSH key is refused or missing, the host key is not in known_hosts, the token is "
                            + "missing, or the URL rewrite covers https:// only while the key works over ssh://.",
                    "Reproduce with git itself to see the real reason: git ls-remote https://HOST/PATH (and ssh://git@HOST/PATH) "
                            + "with the same key, known_hosts and git config; give the build the key ({@sshKey}), the host "
                            + "key ({@knownHosts}) and the rewrite ({@gitSsh} HOST) that make one of them work."),
            new Entry(GoErrorKind.HOST_UNRESOLVED,
                    Pattern.compile("Could not resolve hostname (\\S+?):|Could not resolve host: (\\S+)|dial tcp: lookup (\\S+?)(?: on \\S+)?: "),
                    m -> "The host name " + host(m) + " does not resolve where the go command and git run: inside the builder DNS can differ "
                            + "from the agent's (internal DNS zones, /etc/hosts entries that exist only on the agent), or the "
                            + "git URL rewrite points at a name only the host knows.",
                    m -> "Make " + host(m) + " resolvable from the builder (buildkitd's DNS), or map it for the build with "
                            + "{@addHosts} " + host(m) + "=IP; check the URL rewrites given with {@gitSsh}/{@gitRewrites}."),
            Entry.of(GoErrorKind.GIT_TERMINAL_PROMPTS_DISABLED,
                    "terminal prompts disabled|could not read Username",
                    "git asked for credentials to fetch a (private) repository, but the go command runs git without a "
                            + "terminal. On the host a credential helper or SSH agent answers; in the build none is "
                            + "available, or the module is fetched over https while the key is an SSH key.",
                    "Set GOPRIVATE to the private module paths so go fetches them directly, and give git credentials "
                            + "non-interactively: a netrc/token (NETRC, BuildKit secret) for https, or SSH with "
                            + "`git config --global url.\"git@host:\".insteadOf \"https://host/\"` plus an SSH key "
                            + "(BuildKit --ssh) and known_hosts. Never bake credentials into the image."),
            Entry.of(GoErrorKind.UNKNOWN_REVISION,
                    "unknown revision",
                    "The requested version (tag, branch or commit) does not exist in the module's repository as seen by "
                            + "this build: the tag was never pushed or was deleted, the commit was rewritten, the name is "
                            + "misspelt, or the build sees another repository (private repo without credentials, different "
                            + "GOPROXY/GOPRIVATE than the host).",
                    "Check the version exists (`git ls-remote <repo>`), push the tag, or require an existing version "
                            + "(`go get module@latest`); for private modules make GOPRIVATE and the git credentials the "
                            + "same in the build as on the host."),
            Entry.of(GoErrorKind.GOPROXY_OFF,
                    "disabled by GOPROXY=off",
                    "The go command needed a module that is not in the module cache or vendor directory, and module "
                            + "downloads are off (GOPROXY=off), as in a hermetic/offline build.",
                    "Provide every module before the offline build: `go mod download` into the cache the build uses "
                            + "(or a file:// GOPROXY), or `go mod vendor` and -mod=vendor; make sure go.mod and go.sum "
                            + "list the module (`go mod tidy`)."),
            Entry.of(GoErrorKind.PROXY_NOT_FOUND,
                    "reading https?://\\S+: (404 Not Found|410 Gone)",
                    "The module proxy does not have this module or version. Usually a private module is being fetched "
                            + "through a public proxy (proxy.golang.org cannot see private repositories) because "
                            + "GOPRIVATE/GONOPROXY is set on the host but not in the build, or the version does not exist.",
                    "Set GOPRIVATE (or GONOPROXY) to the private module path patterns in the build, as on the host, and "
                            + "provide git credentials; otherwise check the module path and version exist."),
            Entry.of(GoErrorKind.NO_REQUIRED_MODULE,
                    "no required module provides package",
                    "A package is imported but no module in go.mod provides it, and the build may not change go.mod "
                            + "(-mod=readonly, the default): go.mod/go.sum were not updated after adding the import, or "
                            + "the build uses another go.mod than expected (wrong WORKDIR, stale COPY).",
                    "Run `go get <package>` or `go mod tidy` on the host and commit go.mod and go.sum; check the build "
                            + "copies the current go.mod/go.sum and runs in the module root."),
            Entry.of(GoErrorKind.CANNOT_FIND_MODULE,
                    "cannot find module providing package .*disabled by -mod=vendor",
                    "The build uses the vendor directory (-mod=vendor) and the package is not vendored: vendor/ is stale, "
                            + "incomplete, or excluded from the Docker build context (.dockerignore).",
                    "Run `go mod tidy && go mod vendor` and commit vendor/; keep vendor/ in the build context."),
            Entry.of(GoErrorKind.CANNOT_FIND_MODULE,
                    "cannot find module providing package",
                    "No module that the go command can reach provides the imported package: the module path is wrong, "
                            + "the module is private and not reachable with this GOPROXY/GOPRIVATE, the proxy does not "
                            + "have it, or go.mod/go.sum are missing from the build context so the module graph is unknown.",
                    "Check the import path, run `go mod tidy` on the host and commit go.mod and go.sum, COPY them into "
                            + "the build, and use the same GOPROXY/GOPRIVATE in the build as on the host."));

    private GoErrorCatalogue() {
    }

    private static String host(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "the host";
    }

    /**
     * Explains the first recognised failure in the go command's output, or nothing when the output
     * holds no failure this catalogue knows.
     */
    public static Optional<GoError> explain(List<String> goOutputLines) {
        if (goOutputLines == null || goOutputLines.isEmpty()) {
            return Optional.empty();
        }
        for (Entry entry : ENTRIES) {
            for (int i = 0; i < goOutputLines.size(); i++) {
                String line = goOutputLines.get(i);
                if (line == null) {
                    continue;
                }
                Matcher matcher = entry.pattern().matcher(line);
                if (matcher.find()) {
                    return Optional.of(new GoError(entry.kind(), messageAround(goOutputLines, i),
                            entry.cause().apply(matcher), entry.fix().apply(matcher)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The whole go message around a matching line: go indents continuation lines with a tab, so the
     * message starts at the nearest non-indented line and runs through the indented lines after it.
     */
    private static List<String> messageAround(List<String> lines, int index) {
        int start = index;
        while (start > 0 && isContinuation(lines.get(start)) && lines.get(start - 1) != null && !lines.get(start - 1).isBlank()) {
            start--;
        }
        int end = index + 1;
        while (end < lines.size() && isContinuation(lines.get(end))) {
            end++;
        }
        // go follows a checksum mismatch with a blank line and its SECURITY ERROR paragraph: keep it.
        if (end + 1 < lines.size() && isBlank(lines.get(end)) && "SECURITY ERROR".equals(lines.get(end + 1))) {
            end += 2;
            while (end < lines.size() && !String.valueOf(lines.get(end - 1)).startsWith("For more information")) {
                end++;
            }
        }
        return new ArrayList<>(lines.subList(start, end));
    }

    private static boolean isBlank(String line) {
        return line == null || line.isBlank();
    }

    private static boolean isContinuation(String line) {
        return line != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0)) && !line.isBlank();
    }
}
