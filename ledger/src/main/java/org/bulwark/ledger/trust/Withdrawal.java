package org.bulwark.ledger.trust;

import java.time.Instant;

/**
 * Trust withdrawn from a key because a key above it in the chain of admission was revoked: the
 * devices an authority admitted are not trusted from the authority's revocation on. The key
 * itself is not revoked (it may not be compromised), so what it signed before that time stands.
 *
 * @param revoked the revoked key up the chain (the admitter, or the admitter's admitter)
 * @param revocation that key's revocation
 */
public record Withdrawal(TrustEntry revoked, Revocation revocation) {
    public Instant from() {
        return revocation.at();
    }

    /** "admitted under authority boone-clerk (boone), revoked at T (reason)": for messages and listings. */
    public String describe() {
        return "admitted under " + revoked.key().describe() + ", which was revoked at " + revocation.at() + " (" + revocation.reason() + ")";
    }
}
