package org.bulwark.ledger.keys;

import java.security.PublicKey;
import java.util.Optional;

/**
 * What a .pub file says: whose key it is and when it may be used.
 *
 * @param jurisdiction the local election authority (or state) the key belongs to; required for
 *     authority and device keys
 */
public record PublicKeyInfo(KeyRole role, String id, Optional<String> jurisdiction, Validity validity, PublicKey key) {
    public PublicKeyInfo {
        KeyIds.check("id", id);
        jurisdiction.ifPresent(j -> KeyIds.check("jurisdiction", j));
        if (role != KeyRole.STATE && jurisdiction.isEmpty()) {
            throw new IllegalArgumentException(role.aKey() + " needs a jurisdiction");
        }
        Ed25519.raw(key); // refuses anything but Ed25519
    }

    public KeyFingerprint fingerprint() {
        return Ed25519.fingerprint(key);
    }

    /** "device scanner-0042 (boone), key 3f2a...". */
    public String describe() {
        return role.text() + " " + id + jurisdiction.map(j -> " (" + j + ")").orElse("") + ", key " + fingerprint().shortForm();
    }
}
