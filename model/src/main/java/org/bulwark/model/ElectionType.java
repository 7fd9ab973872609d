package org.bulwark.model;

/** The kind of election, with the NIST SP 1500-100 ElectionType spelling. */
public enum ElectionType {
    GENERAL("general"),
    PRIMARY("primary"),
    PARTISAN_PRIMARY_CLOSED("partisan-primary-closed"),
    PARTISAN_PRIMARY_OPEN("partisan-primary-open"),
    SPECIAL("special"),
    RUNOFF("runoff"),
    OTHER("other");

    private final String nist;

    ElectionType(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }

    /** Primaries nominate per party: a ballot counts only in its own party's contests. */
    public boolean isPrimary() {
        return this == PRIMARY || this == PARTISAN_PRIMARY_CLOSED || this == PARTISAN_PRIMARY_OPEN;
    }

    public static java.util.Optional<ElectionType> fromNist(String value) {
        for (ElectionType t : values()) {
            if (t.nist.equals(value)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
