package org.bulwark.ledger.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP tlog-checkpoint body: the log's origin line, the tree size in decimal, the base64 root
 * hash, then optional extension lines. Parsed only from a note whose signature has been verified.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
    public Checkpoint {
        if (!validLine(origin) || origin.isEmpty()) {
            throw new IllegalArgumentException("the origin is one non-empty line of text: '" + origin + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (!validLine(e) || e.isEmpty()) {
                throw new IllegalArgumentException("an extension is one non-empty line of text: '" + e + "'");
            }
        }
    }

    public Checkpoint(String origin, long size, Hash root) {
        this(origin, size, root, List.of());
    }

    private static boolean validLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /** The note body: every line ends with a newline. */
    public String body() {
        StringBuilder b = new StringBuilder().append(origin).append('\n').append(size).append('\n').append(root.base64()).append('\n');
        extensions.forEach(e -> b.append(e).append('\n'));
        return b.toString();
    }

    /** The checkpoint in a verified note body, or a sentence saying what is wrong with the body. */
    static Parsed parseBody(String body) {
        if (!body.endsWith("\n")) {
            return new Parsed.Invalid("the checkpoint does not end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            return new Parsed.Invalid("a checkpoint has at least 3 lines (origin, tree size, root hash); this one has " + lines.length);
        }
        if (lines[0].isEmpty()) {
            return new Parsed.Invalid("line 1: the origin is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            return new Parsed.Invalid("line 2: '" + abbreviate(lines[1]) + "' is not a tree size (a decimal number without leading zeros)");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            return new Parsed.Invalid("line 2: tree size " + lines[1] + " is too large");
        }
        Optional<Hash> root = Hash.fromBase64(lines[2]);
        if (root.isEmpty()) {
            return new Parsed.Invalid("line 3: '" + abbreviate(lines[2]) + "' is not a base64 SHA-256 root hash");
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                return new Parsed.Invalid("line " + (i + 1) + ": an empty extension line");
            }
            extensions.add(lines[i]);
        }
        return new Parsed.Valid(new Checkpoint(lines[0], size, root.get(), extensions));
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    sealed interface Parsed {
        record Valid(Checkpoint checkpoint) implements Parsed {}

        record Invalid(String problem) implements Parsed {}
    }
}
