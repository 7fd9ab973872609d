package org.bulwark.model.events;

/** Whether the logged action succeeded; written as NIST SP 1500-101's EventDispositionType. */
public enum Disposition {
    SUCCESS("success"),
    FAILURE("failure");

    private final String nist;

    Disposition(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }
}
