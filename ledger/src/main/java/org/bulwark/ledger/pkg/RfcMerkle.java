package org.bulwark.ledger.pkg;

import java.security.MessageDigest;

/**
 * RFC 9162 section 2.1.1 hashing, kept private to packages for now: the lead points this at the
 * shared org.bulwark.ledger.log code once both branches are merged, and the tests' reference
 * values stay as they are.
 */
final class RfcMerkle {
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private RfcMerkle() {}

    static byte[] leafHash(MessageDigest sha256, byte[] entry) {
        sha256.update(LEAF_PREFIX);
        return sha256.digest(entry);
    }

    static byte[] nodeHash(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }
}
