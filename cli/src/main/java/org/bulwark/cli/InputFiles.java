package org.bulwark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bulwark.model.BadInputException;

/** Whole-file reads for commands, with a missing or unreadable file reported as bad input by name. */
final class InputFiles {
    private InputFiles() {}

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file", "the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file.toString(), "file", "the file cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "file", "the file could not be read: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a file's bytes. */
    static byte[] sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }
}
