package org.bulwark.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.bulwark.ledger.keys.Keys;
import org.bulwark.ledger.keys.LoadedPrivateKey;
import org.bulwark.model.BadInputException;

/**
 * Where a private key's passphrase comes from: --passphrase-file (its first line) or the
 * BULWARK_PASSPHRASE variable. Never from the command line itself, where other users could read it
 * in the process list, and never printed.
 */
final class Passphrases {
    static final String VARIABLE = "BULWARK_PASSPHRASE";

    private Passphrases() {}

    static char[] read(Optional<Path> file, Function<String, String> environment) throws IOException {
        return read(file, environment, VARIABLE, "passphrase");
    }

    /** The same rule for another secret (a portal password): the first line of a file, else a variable. */
    static char[] read(Optional<Path> file, Function<String, String> environment, String variable, String what) throws IOException {
        if (file.isPresent()) {
            String text;
            try {
                text = Files.readString(file.get(), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new BadInputException(file.get().toString(), "file", "no such file");
            }
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new BadInputException(file.get().toString(), "line 1", "the " + what + " is empty");
            }
            return line.toCharArray();
        }
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new BadInputException(what, "command line", "no " + what + ": give --" + what + "-file FILE or set " + variable);
        }
        return value.toCharArray();
    }

    /** A private key file opened with its passphrase (taken as {@link #read} does), the passphrase wiped after use. */
    static LoadedPrivateKey loadPrivateKey(Path key, Optional<Path> passphraseFile, Function<String, String> environment) throws IOException {
        char[] passphrase = read(passphraseFile, environment);
        try {
            return Keys.loadPrivate(key, passphrase);
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }
}
