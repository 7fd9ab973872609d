package org.bulwark.store;

import org.bulwark.ledger.keys.KeyFingerprint;
import org.bulwark.ledger.keys.PublicKeyInfo;

/** A change asked of the workspace's trust registry; the registry's rules decide whether it is allowed. */
public sealed interface TrustRequest {
    /** Makes the state key the root of trust (once). */
    record Bootstrap(PublicKeyInfo stateKey) implements TrustRequest {}

    /** Admits a key on the authority of another (whose private key the caller has shown it holds). */
    record Admit(PublicKeyInfo key, KeyFingerprint by) implements TrustRequest {}

    /** Revokes a key on the authority of another. */
    record Revoke(KeyFingerprint key, KeyFingerprint by, String reason) implements TrustRequest {}
}
