package org.bulwark.model.events;

/**
 * Whether the logged action succeeded; NIST SP 1500-101's EventDispositionType. Bulwark's own
 * actions are always success or failure; "na" and "other" occur only in imported device logs.
 */
public enum Disposition {
    SUCCESS("success"),
    FAILURE("failure"),
    NOT_APPLICABLE("na"),
    OTHER("other");

    private final String nist;

    Disposition(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }

    public static java.util.Optional<Disposition> fromNist(String value) {
        return java.util.Arrays.stream(values()).filter(d -> d.nist.equals(value)).findFirst();
    }
}
