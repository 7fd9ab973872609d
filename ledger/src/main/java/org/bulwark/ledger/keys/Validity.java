package org.bulwark.ledger.keys;

import java.time.Instant;
import java.util.Optional;

/** When a key may be used; either end may be open. */
public record Validity(Optional<Instant> notBefore, Optional<Instant> notAfter) {
    public static final Validity ALWAYS = new Validity(Optional.empty(), Optional.empty());

    public Validity {
        if (notBefore.isPresent() && notAfter.isPresent() && notAfter.get().isBefore(notBefore.get())) {
            throw new IllegalArgumentException("not-after " + notAfter.get() + " is before not-before " + notBefore.get());
        }
    }

    public boolean contains(Instant time) {
        return notBefore.map(nb -> !time.isBefore(nb)).orElse(true) && notAfter.map(na -> !time.isAfter(na)).orElse(true);
    }

    /** In words, for messages: "from 2026-01-01T00:00:00Z to 2030-01-01T00:00:00Z". */
    public String describe() {
        return "from " + notBefore.map(Instant::toString).orElse("any time") + " to " + notAfter.map(Instant::toString).orElse("any time");
    }
}
