package org.bulwark.ledger.log;

/** A root computed from an inclusion proof, or why the proof has the wrong shape. */
public sealed interface RootComputation permits RootComputation.Root, ProofError {
    record Root(Hash hash) implements RootComputation {}
}
