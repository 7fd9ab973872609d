package org.bulwark.model.events;

/**
 * The types of events that VVSG 2.0 requirement 15.1 (Table 15-1) asks a voting system to log, as far
 * as the sources at hand name them (docs/event-log.md, "Where the categories come from"):
 *
 * <ul>
 *   <li>the general-system-function and authentication items with the codes and wording that NIST
 *       SP 1500-101's example documentation uses for them
 *       (testdata/nist-cdf/gen-01/eel_v1/eel-documentation-gen-01.json);
 *   <li>the groups and items of NIST's report on the VVSG 2.0 logging requirements to the TGDC
 *       (N. Hastings, July 2010): general system functions (changes to configuration, device startup
 *       and shutdown, addition and deletion of files, system readiness results), authentication and
 *       access control, software, cryptographic (changes to cryptographic keys) and voting events
 *       (opening and closing of polls, cast ballot, ballot definition and modification). Their codes
 *       are Bulwark's, in the pattern of NIST's example.
 * </ul>
 *
 * A NIST export carries the code as an Event's Type and the wording in the ElectionEventLogDocumentation.
 */
public enum VvsgCategory {
    DEVICE_ERROR("GSF-EEM", "General system functions: device generated error and exception messages"),
    CRITICAL_STATUS("GSF-CSSM", "General system functions: critical system status messages"),
    NON_CRITICAL_STATUS("GSF-NCSM", "General system functions: non-critical status messages"),
    OFFICIAL_INTERVENTION("GSF-EOI", "General system functions: events that require election official intervention"),
    CONFIGURATION_CHANGE("GSF-SCS", "General system functions: changes to system configuration settings"),
    AUTHENTICATION("AAC-ARE", "Authentication and access control: authentication related events"),
    /** The "voting events" group: opening and closing of polls, cast ballot, ballot definition and modification. */
    ELECTION_EVENT("VE", "Voting events"),
    FILES_ADDED_OR_DELETED("GSF-ADF", "General system functions: addition and deletion of files"),
    CRYPTOGRAPHIC_KEY_CHANGE("CRY-CKC", "Cryptographic events: changes to cryptographic keys"),
    BALLOT_DEFINITION("VE-BDM", "Voting events: ballot definition and modification");

    private final String code;
    private final String wording;

    VvsgCategory(String code, String wording) {
        this.code = code;
        this.wording = wording;
    }

    /** The short code written as a NIST Event's Type. */
    public String code() {
        return code;
    }

    /** The category in VVSG's words, for the event log documentation. */
    public String wording() {
        return wording;
    }
}
