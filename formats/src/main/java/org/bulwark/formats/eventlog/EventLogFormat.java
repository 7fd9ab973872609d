package org.bulwark.formats.eventlog;

/** The two encodings of NIST SP 1500-101 (Election Event Logging CDF, version 1). */
public enum EventLogFormat {
    JSON,
    XML
}
