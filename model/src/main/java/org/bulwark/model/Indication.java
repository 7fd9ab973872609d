package org.bulwark.model;

/** A yes / no / unknown answer as NIST CVRs record HasIndication and IsAllocable. */
public enum Indication {
    YES("yes"),
    NO("no"),
    UNKNOWN("unknown");

    private final String nist;

    Indication(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }

    public static java.util.Optional<Indication> fromNist(String value) {
        for (Indication i : values()) {
            if (i.nist.equals(value)) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
