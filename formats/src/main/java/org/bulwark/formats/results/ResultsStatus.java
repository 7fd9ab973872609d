package org.bulwark.formats.results;

/** How final the results are, with the NIST SP 1500-100 ResultsStatus spelling. */
public enum ResultsStatus {
    UNOFFICIAL_PARTIAL("unofficial-partial"),
    UNOFFICIAL_COMPLETE("unofficial-complete"),
    CERTIFIED("certified"),
    RECOUNT("recount"),
    CORRECTION("correction");

    private final String nist;

    ResultsStatus(String nist) {
        this.nist = nist;
    }

    public String nist() {
        return nist;
    }
}
