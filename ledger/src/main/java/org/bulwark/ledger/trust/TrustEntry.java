package org.bulwark.ledger.trust;

import java.util.Optional;
import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.PublicKeyInfo;

/** One key in the registry: the key and its owner, how it was admitted and whether it was revoked. */
public record TrustEntry(PublicKeyInfo key, Admission admission, Optional<Revocation> revocation) {
    public KeyFingerprint fingerprint() {
        return key.fingerprint();
    }

    TrustEntry revoked(Revocation r) {
        return new TrustEntry(key, admission, Optional.of(r));
    }
}
