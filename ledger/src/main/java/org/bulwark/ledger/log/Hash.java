package org.bulwark.ledger.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SHA-256 hash: exactly {@link #SIZE} bytes, so that a proof, a root or a tile can never hold a
 * hash of the wrong length (the length is checked once, where bytes from outside become a Hash).
 */
public final class Hash {
    /** SHA-256 output length in bytes. */
    public static final int SIZE = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The hash held in {@code bytes}, or empty when they are not exactly {@value #SIZE} long. */
    public static Optional<Hash> of(byte[] bytes) {
        return bytes.length == SIZE ? Optional.of(new Hash(bytes.clone())) : Optional.empty();
    }

    /** For bytes this package produced itself (a digest, a slice of a tile it checked). */
    static Hash wrap(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a SHA-256 hash is " + SIZE + " bytes, not " + bytes.length);
        }
        return new Hash(bytes);
    }

    static Hash slice(byte[] data, int offset) {
        return new Hash(Arrays.copyOfRange(data, offset, offset + SIZE));
    }

    /** Parses lower- or upper-case hex, or empty when it is not {@value #SIZE} bytes of hex. */
    public static Optional<Hash> fromHex(String hex) {
        if (hex.length() != 2 * SIZE) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Hash(HexFormat.of().parseHex(hex)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses standard base64, or empty when it is not the canonical base64 of {@value #SIZE} bytes. */
    public static Optional<Hash> fromBase64(String base64) {
        return CanonicalBase64.decode(base64).flatMap(Hash::of);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    byte[] unsafeBytes() {
        return bytes;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
