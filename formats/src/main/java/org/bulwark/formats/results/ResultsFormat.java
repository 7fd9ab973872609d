package org.bulwark.formats.results;

/** The file formats results can be exported in. */
public enum ResultsFormat {
    /** NIST SP 1500-100 v2 election results, JSON. */
    NIST_JSON,
    /** NIST SP 1500-100 v2 election results, XML (validates against NIST_V2_election_results_reporting.xsd). */
    NIST_XML,
    /** One row per contest, unit and selection (or over/undervotes), for spreadsheets. */
    CSV
}
