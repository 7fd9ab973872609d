package org.bulwark.model;

import java.util.Optional;

/** How a ballot was cast, with the NIST CountItemType spelling that results are reported by. */
public enum CountingGroup {
    ELECTION_DAY("election-day"),
    ABSENTEE("absentee"),
    EARLY("early"),
    PROVISIONAL("provisional");

    private final String nist;

    CountingGroup(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }

    public static Optional<CountingGroup> fromNist(String value) {
        for (CountingGroup g : values()) {
            if (g.nist.equals(value)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
