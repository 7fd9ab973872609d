package org.bulwark.ledger.trust;

import java.time.Instant;
import org.bulwark.ledger.keys.KeyFingerprint;

/** A key withdrawn from use: when, why and by whom. */
public record Revocation(Instant at, String reason, KeyFingerprint by) {
    public Revocation {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
    }
}
