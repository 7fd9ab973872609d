package org.bulwark.ledger.log;

/** The outcome of checking a proof: {@link Valid}, or the {@link ProofError} that says what is wrong. */
public sealed interface ProofCheck permits ProofCheck.Valid, ProofError {
    record Valid() implements ProofCheck {}

    ProofCheck VALID = new Valid();
}
