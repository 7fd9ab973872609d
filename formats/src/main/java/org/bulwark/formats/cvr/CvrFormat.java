package org.bulwark.formats.cvr;

/** The two encodings of a NIST SP 1500-103 cast vote record report. */
public enum CvrFormat {
    JSON,
    XML
}
