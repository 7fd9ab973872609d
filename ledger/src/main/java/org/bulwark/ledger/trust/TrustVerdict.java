package org.bulwark.ledger.trust;

import java.time.Instant;
import org.bulwark.ledger.keys.KeyFingerprint;

/** Whether a key may sign a kind of package at a time, and if not, why not. */
public sealed interface TrustVerdict {
    record Trusted(TrustEntry entry) implements TrustVerdict {}

    record UnknownSigner(KeyFingerprint fingerprint) implements TrustVerdict {}

    record RoleNotAllowed(TrustEntry entry, PackageType type) implements TrustVerdict {}

    record Revoked(TrustEntry entry, Revocation revocation) implements TrustVerdict {}

    record OutsideValidity(TrustEntry entry, Instant time) implements TrustVerdict {}

    /** The signer's admitter (or one above it) was revoked before {@code time}: trust in what it admitted ended then. */
    record AdmitterRevoked(TrustEntry entry, Withdrawal withdrawal, Instant time) implements TrustVerdict {}

    default String message() {
        return switch (this) {
            case Trusted t -> "signed by " + t.entry().key().describe() + ", trusted";
            case UnknownSigner u -> "the signing key " + u.fingerprint().shortForm() + " is not in the trust registry";
            case RoleNotAllowed r -> "the signer, " + r.entry().key().describe() + ", may not sign " + r.type().aPackage()
                    + ": only " + roles(r.type()) + " keys may";
            case Revoked r -> "the signer, " + r.entry().key().describe() + ", was revoked at " + r.revocation().at()
                    + " (" + r.revocation().reason() + ")";
            case AdmitterRevoked a -> "the signer, " + a.entry().key().describe() + ", is not trusted at " + a.time() + ": it was "
                    + a.withdrawal().describe() + ", and keys admitted under a revoked key are not trusted from its revocation on";
            case OutsideValidity o -> "the signer, " + o.entry().key().describe() + ", is not valid at " + o.time()
                    + ": it is valid " + o.entry().key().validity().describe();
        };
    }

    private static String roles(PackageType type) {
        return String.join(" or ", type.allowedSigners().stream().map(r -> r.text()).toList());
    }
}
