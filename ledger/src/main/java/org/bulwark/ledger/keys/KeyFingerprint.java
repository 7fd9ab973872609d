package org.bulwark.ledger.keys;

/**
 * A key's id: SHA-256 of the raw 32-byte Ed25519 public key, in hex. Shown short (the first 16
 * digits) to people; stored in full.
 */
public record KeyFingerprint(String sha256) {
    public KeyFingerprint {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a key fingerprint is 64 lower-case hex digits, not '" + sha256 + "'");
        }
    }

    public String shortForm() {
        return sha256.substring(0, 16);
    }

    @Override
    public String toString() {
        return "sha256:" + sha256;
    }
}
