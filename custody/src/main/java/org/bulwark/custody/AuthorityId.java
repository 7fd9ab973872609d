package org.bulwark.custody;

import org.bulwark.ledger.exchange.Names;

/** A local election authority (a county clerk or board of election commissioners), by its short name. */
public record AuthorityId(String value) implements Comparable<AuthorityId> {
    public AuthorityId {
        Names.check("election authority", value);
    }

    @Override
    public int compareTo(AuthorityId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
