package org.bulwark.model.events;

import java.util.HexFormat;

/** A SHA-256 digest an event refers to (a file, a key, a tree root), as 64 lowercase hex digits. */
public record Sha256(String hex) {
    public Sha256 {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest must be 64 lowercase hex digits, not \"" + hex + "\"");
        }
    }

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, not " + digest.length);
        }
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
