package org.bulwark.ledger.log;

import java.security.PrivateKey;
import java.security.PublicKey;

/** A signer of notes: the key name its lines carry, its private key, and its public key (for the key id). */
public record NoteSigner(String name, PrivateKey privateKey, PublicKey publicKey) {
    public NoteSigner {
        new NoteVerifierKey(name, publicKey);
    }

    public NoteVerifierKey verifierKey() {
        return new NoteVerifierKey(name, publicKey);
    }
}
