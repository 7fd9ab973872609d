package org.bulwark.ledger.trust;

/** The outcome of admitting, bootstrapping or revoking: the new registry, or a refusal saying why. */
public sealed interface Change {
    /** Done: {@code entry} is the entry added or revoked. */
    record Done(TrustRegistry registry, TrustEntry entry) implements Change {}

    record Refused(Refusal refusal, String message) implements Change {}

    /** What a person asked that the rules do not allow. */
    enum Refusal {
        NOT_A_STATE_KEY,
        ALREADY_BOOTSTRAPPED,
        UNKNOWN_ACTOR,
        ACTOR_REVOKED,
        ACTOR_NOT_VALID,
        ROLE_MAY_NOT_ADMIT,
        OTHER_JURISDICTION,
        ALREADY_PRESENT,
        NOT_PRESENT,
        ALREADY_REVOKED
    }
}
