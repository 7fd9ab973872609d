package org.bulwark.ledger.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A key that may sign notes, under the name its signature lines carry. The key id of a signature
 * line is the first 4 bytes of SHA-256(name || 0x0A || type || 32-byte public key), with type
 * {@link #ED25519} for a note signature and {@link #COSIGNATURE_V1} for a tlog-cosignature; the
 * C2SP signed-note verifier key string is {@code <name>+<hex key id>+<base64(0x01 || key)>}.
 */
public record NoteVerifierKey(String name, PublicKey key) {
    /** Signature type byte of an Ed25519 note signature (C2SP signed-note). */
    public static final byte ED25519 = 0x01;
    /** Signature type byte of a timestamped Ed25519 cosignature (C2SP tlog-cosignature). */
    public static final byte COSIGNATURE_V1 = 0x04;
    private static final byte NEWLINE = 0x0A;

    public NoteVerifierKey {
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is non-empty printable text without spaces or '+': '" + name + "'");
        }
        Ed25519Keys.raw(key);
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.codePoints().allMatch(c -> c > 0x20 && c != '+' && c != 0x7F && !Character.isWhitespace(c));
    }

    /** The 4-byte key id of this key for signatures of {@code type}, as an int (big-endian). */
    public int keyId(byte type) {
        MessageDigest md = Merkle.newDigest();
        md.update(name.getBytes(StandardCharsets.UTF_8));
        md.update(NEWLINE);
        md.update(type);
        md.update(Ed25519Keys.raw(key));
        return ByteBuffer.wrap(md.digest()).getInt();
    }

    /** {@code name+hexkeyid+base64(0x01 || key)}, the form people copy and publish. */
    public String verifierString() {
        byte[] typed = new byte[1 + Ed25519Keys.PUBLIC_KEY_SIZE];
        typed[0] = ED25519;
        System.arraycopy(Ed25519Keys.raw(key), 0, typed, 1, Ed25519Keys.PUBLIC_KEY_SIZE);
        return name + "+" + HexFormat.of().toHexDigits(keyId(ED25519)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a verifier key string, or says what is wrong with it. */
    public static Parsed parse(String text) {
        // The base64 key may itself contain a '+': only the first two separate fields.
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            return new Parsed.Invalid("expected <name>+<key id in hex>+<base64 key>, found " + parts.length + " parts");
        }
        if (!validName(parts[0])) {
            return new Parsed.Invalid("'" + parts[0] + "' is not a key name");
        }
        Optional<byte[]> decoded = CanonicalBase64.decode(parts[2]);
        if (decoded.isEmpty()) {
            return new Parsed.Invalid("the key is not base64");
        }
        byte[] typed = decoded.get();
        if (typed.length != 1 + Ed25519Keys.PUBLIC_KEY_SIZE || typed[0] != ED25519) {
            return new Parsed.Invalid("the key is not an Ed25519 key (type 0x01 followed by 32 bytes)");
        }
        Optional<PublicKey> key = Ed25519Keys.fromRaw(java.util.Arrays.copyOfRange(typed, 1, typed.length));
        if (key.isEmpty()) {
            return new Parsed.Invalid("the key bytes are not an Ed25519 public key");
        }
        NoteVerifierKey k = new NoteVerifierKey(parts[0], key.get());
        if (!HexFormat.of().toHexDigits(k.keyId(ED25519)).equalsIgnoreCase(parts[1])) {
            return new Parsed.Invalid("the key id " + parts[1] + " does not match the name and key (expected "
                    + HexFormat.of().toHexDigits(k.keyId(ED25519)) + ")");
        }
        return new Parsed.Key(k);
    }

    public sealed interface Parsed {
        record Key(NoteVerifierKey key) implements Parsed {}

        record Invalid(String problem) implements Parsed {}
    }
}
