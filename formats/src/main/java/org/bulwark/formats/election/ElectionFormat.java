package org.bulwark.formats.election;

/** The kinds of election definition file Bulwark reads, recognised from their content. */
public enum ElectionFormat {
    /** Bulwark's own JSON election definition (docs/election-definition.md). */
    BULWARK_JSON("Bulwark election definition (JSON)"),
    /** NIST SP 1500-100 v2 election report, pre-election, in JSON. */
    NIST_ERR_JSON("NIST SP 1500-100 v2 election report (JSON)"),
    /** NIST SP 1500-100 v2 election report, pre-election, in XML. */
    NIST_ERR_XML("NIST SP 1500-100 v2 election report (XML)"),
    /** NIST SP 1500-20 v1 ballot definition in JSON. */
    NIST_BD_JSON("NIST SP 1500-20 ballot definition (JSON)"),
    /** NIST SP 1500-20 v1 ballot definition in XML. */
    NIST_BD_XML("NIST SP 1500-20 ballot definition (XML)");

    private final String description;

    ElectionFormat(String description) {
        this.description = description;
    }

    /** How the format is named to users. */
    public String description() {
        return description;
    }
}
