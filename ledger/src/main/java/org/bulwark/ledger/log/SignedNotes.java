package org.bulwark.ledger.log;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The C2SP signed-note format: the note text (lines ending in newline), a blank line, then one or
 * more signature lines {@code — <key name> <base64(4-byte key id || signature)>}. A note signature
 * signs the text; a tlog-cosignature/v1 signs {@code "cosignature/v1\ntime <unix seconds>\n" + text}
 * and carries the 8-byte big-endian time between the key id and the Ed25519 signature.
 */
final class SignedNotes {
    /** U+2014 EM DASH and a space begin every signature line. */
    static final String SIGNATURE_PREFIX = "\u2014 ";
    static final String COSIGNATURE_HEADER = "cosignature/v1\ntime ";
    /** Notes are small; a larger file is not a note and is refused before it is read further. */
    static final int MAX_NOTE_BYTES = 1 << 20;
    private static final int KEY_ID_SIZE = 4;
    private static final int TIME_SIZE = 8;

    private SignedNotes() {}

    static String sign(String text, NoteSigner signer) {
        checkText(text);
        byte[] sig = Ed25519Keys.sign(signer.privateKey(), text.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(KEY_ID_SIZE + sig.length).putInt(signer.verifierKey().keyId(NoteVerifierKey.ED25519)).put(sig);
        return text + "\n" + line(signer.name(), b.array());
    }

    /** Adds a cosignature line to an already signed note (the caller has verified it). */
    static String cosign(String note, String text, NoteSigner cosigner, Instant time) {
        long seconds = time.getEpochSecond();
        byte[] sig = Ed25519Keys.sign(cosigner.privateKey(), cosignedMessage(text, seconds));
        ByteBuffer b = ByteBuffer.allocate(KEY_ID_SIZE + TIME_SIZE + sig.length)
                .putInt(cosigner.verifierKey().keyId(NoteVerifierKey.COSIGNATURE_V1)).putLong(seconds).put(sig);
        return note + line(cosigner.name(), b.array());
    }

    private static byte[] cosignedMessage(String text, long seconds) {
        return (COSIGNATURE_HEADER + seconds + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String name, byte[] signature) {
        return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n") || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a note's text is non-empty lines, each ending in a newline");
        }
    }

    /** One signature line, split but not yet verified. */
    record SignatureLine(int lineNumber, String name, byte[] signature) {
        int keyId() {
            return ByteBuffer.wrap(signature, 0, KEY_ID_SIZE).getInt();
        }
    }

    /** A note split into its text and signature lines; nothing in the text has been looked at. */
    record Split(String text, List<SignatureLine> signatures) {}

    sealed interface SplitResult {
        record Ok(Split split) implements SplitResult {}

        record Malformed(String problem) implements SplitResult {}
    }

    static SplitResult split(byte[] bytes) {
        if (bytes.length > MAX_NOTE_BYTES) {
            return new SplitResult.Malformed("a signed note is at most " + MAX_NOTE_BYTES + " bytes; this file is " + bytes.length);
        }
        String note;
        try {
            note = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new SplitResult.Malformed("not UTF-8 text");
        }
        if (note.indexOf('\r') >= 0) {
            return new SplitResult.Malformed("holds a carriage return: a signed note uses newlines only");
        }
        if (!note.endsWith("\n")) {
            return new SplitResult.Malformed("does not end with a newline: the file is truncated or not a signed note");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            return new SplitResult.Malformed("has no blank line before the signature lines: it is not a signed note");
        }
        if (blank + 2 == note.length()) {
            return new SplitResult.Malformed("ends with a blank line where the signature lines should be: the signatures are missing");
        }
        String text = note.substring(0, blank + 1);
        int textLines = (int) text.chars().filter(c -> c == '\n').count();
        String[] lines = note.substring(blank + 2, note.length() - 1).split("\n", -1);
        List<SignatureLine> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = textLines + 2 + i;
            String l = lines[i];
            if (!l.startsWith(SIGNATURE_PREFIX)) {
                return new SplitResult.Malformed("line " + lineNumber + ": a signature line starts with '\u2014 ' (an em dash and a space)");
            }
            String[] parts = l.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2 || !NoteVerifierKey.validName(parts[0])) {
                return new SplitResult.Malformed("line " + lineNumber + ": a signature line is '\u2014 <key name> <base64 signature>'");
            }
            Optional<byte[]> decoded = CanonicalBase64.decode(parts[1]);
            if (decoded.isEmpty()) {
                return new SplitResult.Malformed("line " + lineNumber + ": the signature of " + parts[0] + " is not base64");
            }
            byte[] sig = decoded.get();
            if (sig.length < KEY_ID_SIZE + 1) {
                return new SplitResult.Malformed("line " + lineNumber + ": the signature of " + parts[0] + " is too short");
            }
            signatures.add(new SignatureLine(lineNumber, parts[0], sig));
        }
        return new SplitResult.Ok(new Split(text, signatures));
    }

    /** What one trusted key's line says about the note text. */
    sealed interface KeyCheck {
        record NoteSignature(NoteVerifierKey key) implements KeyCheck {}

        record Cosignature(NoteVerifierKey key, Instant time) implements KeyCheck {}

        record Bad(NoteVerifierKey key, int lineNumber, String problem) implements KeyCheck {}

        record Absent(NoteVerifierKey key) implements KeyCheck {}
    }

    /** Checks the signature lines of {@code key} (by name and key id of either type) over the text. */
    static KeyCheck check(Split note, NoteVerifierKey key) {
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        int noteId = key.keyId(NoteVerifierKey.ED25519);
        int cosignatureId = key.keyId(NoteVerifierKey.COSIGNATURE_V1);
        for (SignatureLine line : note.signatures()) {
            if (!line.name().equals(key.name())) {
                continue;
            }
            byte[] s = line.signature();
            if (line.keyId() == noteId) {
                if (s.length != KEY_ID_SIZE + Ed25519Keys.SIGNATURE_SIZE) {
                    return new KeyCheck.Bad(key, line.lineNumber(), "the signature of " + key.name() + " has the wrong length");
                }
                byte[] sig = java.util.Arrays.copyOfRange(s, KEY_ID_SIZE, s.length);
                return Ed25519Keys.verify(key.key(), text, sig)
                        ? new KeyCheck.NoteSignature(key)
                        : new KeyCheck.Bad(key, line.lineNumber(), "the signature of " + key.name() + " does not match the note: the note was changed after signing or signed by another key");
            }
            if (line.keyId() == cosignatureId) {
                if (s.length != KEY_ID_SIZE + TIME_SIZE + Ed25519Keys.SIGNATURE_SIZE) {
                    return new KeyCheck.Bad(key, line.lineNumber(), "the cosignature of " + key.name() + " has the wrong length");
                }
                long seconds = ByteBuffer.wrap(s, KEY_ID_SIZE, TIME_SIZE).getLong();
                byte[] sig = java.util.Arrays.copyOfRange(s, KEY_ID_SIZE + TIME_SIZE, s.length);
                return Ed25519Keys.verify(key.key(), cosignedMessage(note.text(), seconds), sig)
                        ? new KeyCheck.Cosignature(key, Instant.ofEpochSecond(seconds))
                        : new KeyCheck.Bad(key, line.lineNumber(), "the cosignature of " + key.name() + " does not match the checkpoint: it was changed after cosigning or cosigned by another key");
            }
        }
        return new KeyCheck.Absent(key);
    }
}
