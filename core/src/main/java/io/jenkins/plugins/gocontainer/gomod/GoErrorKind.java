package io.jenkins.plugins.gocontainer.gomod;

/** The families of go command failures that {@link GoErrorCatalogue} recognises. */
public enum GoErrorKind {
    /** {@code go.mod file not found}: the build runs outside the module root. */
    GO_MOD_NOT_FOUND,
    /** {@code go.mod requires go >= X (running go Y)}. */
    GO_VERSION_TOO_OLD,
    /** {@code checksum mismatch} / {@code SECURITY ERROR}: downloaded content differs from go.sum. */
    CHECKSUM_MISMATCH,
    /** The checksum database could not be asked about a module (typically a private one). */
    CHECKSUM_DATABASE_LOOKUP,
    /** TLS certificate verification failed (clock skew, corporate CA missing). */
    TLS_CERTIFICATE,
    /** {@code missing go.sum entry}. */
    MISSING_GO_SUM_ENTRY,
    /** {@code inconsistent vendoring}: vendor/modules.txt disagrees with go.mod. */
    INCONSISTENT_VENDORING,
    /** {@code module declares its path as X but was required as Y}. */
    MODULE_PATH_MISMATCH,
    /** {@code Permission denied (publickey)}: the git server refused the SSH key (or none was offered). */
    SSH_KEY_REFUSED,
    /** {@code Host key verification failed}: the git server's host key is not in the known_hosts given. */
    SSH_HOST_KEY_UNVERIFIED,
    /** {@code no secure protocol found for repository}: every scheme tried for a {@code .git} path failed. */
    NO_SECURE_PROTOCOL,
    /** A module or git host name does not resolve where go and git run (inside the builder). */
    HOST_UNRESOLVED,
    /** {@code terminal prompts disabled}: git needed credentials for a private repository. */
    GIT_TERMINAL_PROMPTS_DISABLED,
    /** {@code unknown revision}: the version (tag, branch, commit) does not exist in the repository. */
    UNKNOWN_REVISION,
    /** {@code module lookup disabled by GOPROXY=off}. */
    GOPROXY_OFF,
    /** The module proxy answered 404 Not Found or 410 Gone. */
    PROXY_NOT_FOUND,
    /** {@code no required module provides package}. */
    NO_REQUIRED_MODULE,
    /** {@code cannot find module providing package}. */
    CANNOT_FIND_MODULE
}
