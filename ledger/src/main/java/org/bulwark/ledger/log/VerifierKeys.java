package org.bulwark.ledger.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bulwark.model.BadInputException;

/**
 * Files of trusted log keys: one signed-note verifier key string per line
 * ({@code <name>+<hex key id>+<base64 key>}); blank lines and lines starting with '#' are
 * comments.
 */
public final class VerifierKeys {
    /** Suffix of a verifier key file (what a trust folder holds besides .pub files). */
    public static final String SUFFIX = ".vkey";
    private static final int MAX_BYTES = 64 * 1024;

    private VerifierKeys() {}

    public static List<NoteVerifierKey> read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file.toString(), "file", "a key file is at most " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "file", "no such file");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "file", "cannot be read: " + e.getMessage(), e);
        }
        List<NoteVerifierKey> keys = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            switch (NoteVerifierKey.parse(line)) {
                case NoteVerifierKey.Parsed.Key k -> keys.add(k.key());
                case NoteVerifierKey.Parsed.Invalid bad -> throw new BadInputException(file.toString(), "line " + (i + 1),
                        "not a verifier key: " + bad.problem());
            }
        }
        if (keys.isEmpty()) {
            throw new BadInputException(file.toString(), "file", "holds no verifier key (expected lines like name+1a2b3c4d+AbC...)");
        }
        return keys;
    }
}
