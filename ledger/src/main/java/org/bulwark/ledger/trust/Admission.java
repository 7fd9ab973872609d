package org.bulwark.ledger.trust;

import java.time.Instant;
import org.bulwark.ledger.keys.KeyFingerprint;

/** How a key came into the registry. */
public sealed interface Admission {
    /** The state key, bootstrapped explicitly as the root of trust. */
    record Root(Instant at) implements Admission {}

    /** Admitted by another key under the admission rules. */
    record AdmittedBy(KeyFingerprint admitter, Instant at) implements Admission {}

    /** Listed in a folder trust store (--trust DIR): whoever put the file there vouches for it. */
    record Listed(String file) implements Admission {}
}
