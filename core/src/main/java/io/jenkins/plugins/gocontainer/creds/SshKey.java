package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.GocbException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A private SSH key read from a file: its format and whether it is protected by a passphrase.
 * {@link #toString()} never shows the key.
 */
public final class SshKey {

    /** Larger files are not keys (an RSA 16384-bit key in PEM is about 12 KiB). */
    static final long MAX_SIZE = 64 * 1024;

    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_MAGIC = "openssh-key-v1\0";

    public enum Format {
        /** {@code -----BEGIN OPENSSH PRIVATE KEY-----} (ssh-keygen's default). */
        OPENSSH,
        /** {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1, {@code ssh-keygen -m PEM}). */
        PEM_RSA,
        /** {@code -----BEGIN EC PRIVATE KEY-----}. */
        PEM_EC,
        /** {@code -----BEGIN DSA PRIVATE KEY-----}. */
        PEM_DSA,
        /** {@code -----BEGIN PRIVATE KEY-----} or {@code -----BEGIN ENCRYPTED PRIVATE KEY-----} (PKCS#8). */
        PKCS8
    }

    private final Path file;
    private final String content;
    private final Format format;
    private final boolean encrypted;

    private SshKey(Path file, String content, Format format, boolean encrypted) {
        this.file = file;
        this.content = content;
        this.format = format;
        this.encrypted = encrypted;
    }

    /** Reads and classifies a private key file. Errors name the path, never the content. */
    public static SshKey read(Path file) {
        String content;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("is a directory");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw unsupported(file, "the file is larger than " + MAX_SIZE + " bytes, far larger than any SSH key");
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw unsupported(file, "the file is not text (binary key formats are not supported)");
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "the file does not exist"
                : e instanceof AccessDeniedException ? "the build user may not read it"
                : "it could not be read (" + (e.getMessage() != null && e.getMessage().equals("is a directory")
                    ? "it is a directory" : e.getClass().getSimpleName()) + ")";
            throw new InvalidBuildRequestException("cannot read the SSH private key file " + file, why,
                "check the path and that the build user can read it (in Jenkins, use the file path that"
                    + " withCredentials(sshUserPrivateKey(keyFileVariable: ...)) provides)", e);
        }
        return parse(file, content);
    }

    /** Classifies key text; {@code file} is only used in messages. */
    static SshKey parse(Path file, String content) {
        String text = content.strip();
        if (text.isEmpty()) {
            throw unsupported(file, "the file is empty");
        }
        if (text.startsWith("PuTTY-User-Key-File-")) {
            throw new InvalidBuildRequestException("the SSH key " + file + " is a PuTTY key (.ppk), which OpenSSH cannot use",
                "PuTTY and OpenSSH store keys in different formats",
                "convert it: puttygen " + file.getFileName() + " -O private-openssh-new -o id_ed25519"
                    + " (or in PuTTYgen: Conversions > Export OpenSSH key)");
        }
        if (isPublicKey(text)) {
            throw new InvalidBuildRequestException("the file " + file + " holds a public key, not a private key",
                "the .pub file (or an authorized_keys line) was given instead of the private key",
                "give the private key file (the same name without .pub); the public key belongs on the git server");
        }
        if (text.startsWith("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----")) {
            throw unsupported(file, "it is an SSH.COM/Tectia private key");
        }
        if (text.startsWith(OPENSSH_BEGIN)) {
            return new SshKey(file, content, Format.OPENSSH, !"none".equals(openSshCipher(file, text)));
        }
        boolean procEncrypted = text.contains("Proc-Type: 4,ENCRYPTED");
        if (text.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
            return new SshKey(file, content, Format.PEM_RSA, procEncrypted);
        }
        if (text.startsWith("-----BEGIN EC PRIVATE KEY-----")) {
            return new SshKey(file, content, Format.PEM_EC, procEncrypted);
        }
        if (text.startsWith("-----BEGIN DSA PRIVATE KEY-----")) {
            return new SshKey(file, content, Format.PEM_DSA, procEncrypted);
        }
        if (text.startsWith("-----BEGIN PRIVATE KEY-----")) {
            return new SshKey(file, content, Format.PKCS8, false);
        }
        if (text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return new SshKey(file, content, Format.PKCS8, true);
        }
        throw unsupported(file, "it is not an OpenSSH, PEM (RSA/EC/DSA) or PKCS#8 private key");
    }

    private static boolean isPublicKey(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.matches("(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-\\S+|sk-\\S+@openssh\\.com|\\S+-cert-v01@openssh\\.com)\\s+AAAA.*")
            || first.startsWith("---- BEGIN SSH2 PUBLIC KEY ----")
            || first.startsWith("-----BEGIN PUBLIC KEY-----")
            || first.startsWith("-----BEGIN RSA PUBLIC KEY-----");
    }

    /** The cipher name of an OpenSSH key ("none" when not encrypted). */
    private static String openSshCipher(Path file, String text) {
        int end = text.indexOf(OPENSSH_END);
        if (end < 0) {
            throw unsupported(file, "the OpenSSH key has no END line (truncated?)");
        }
        String body = text.substring(OPENSSH_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            byte[] magic = new byte[OPENSSH_MAGIC.length()];
            bytes.get(magic);
            if (!new String(magic, StandardCharsets.US_ASCII).equals(OPENSSH_MAGIC)) {
                throw unsupported(file, "the OpenSSH key does not start with openssh-key-v1");
            }
            int length = bytes.getInt();
            if (length < 0 || length > 64 || length > bytes.remaining()) {
                throw unsupported(file, "the OpenSSH key's cipher name is corrupt");
            }
            byte[] cipher = new byte[length];
            bytes.get(cipher);
            return new String(cipher, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw unsupported(file, "the OpenSSH key's base64 body is corrupt (truncated or edited)");
        }
    }

    private static GocbException unsupported(Path file, String why) {
        return new InvalidBuildRequestException("the SSH key " + file + " is not in a supported format", why,
            "give an OpenSSH or PEM private key; convert other keys with ssh-keygen -p -f KEYFILE"
                + " (rewrites it in OpenSSH format; add -m PEM for PEM), or create a new one with"
                + " ssh-keygen -t ed25519 -f KEYFILE and register its .pub on the git server");
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** Whether a passphrase is needed to use the key. */
    public boolean encrypted() {
        return encrypted;
    }

    /** The key text; secret. Register it in the masker before any use. */
    public String content() {
        return content;
    }

    @Override
    public String toString() {
        return "SshKey[" + file + ", " + format + (encrypted ? ", encrypted" : "") + "]";
    }
}
