package org.bulwark.model.events;

/**
 * The event categories of VVSG 2.0 requirement 15.1 (Table 15-1, types of events) that Bulwark's
 * events fall into. The codes and the wording of the general-system-function and authentication
 * categories are those that NIST SP 1500-101's published example documentation
 * (testdata/nist-cdf/gen-01/eel_v1/eel-documentation-gen-01.json) uses for the VVSG event types; the
 * last three group headings are the table's own names. A NIST export carries the code as an Event's
 * Type and the wording in the ElectionEventLogDocumentation.
 */
public enum VvsgCategory {
    DEVICE_ERROR("GSF-EEM", "General system functions: device generated error and exception messages"),
    CRITICAL_STATUS("GSF-CSSM", "General system functions: critical system status messages"),
    NON_CRITICAL_STATUS("GSF-NCSM", "General system functions: non-critical status messages"),
    OFFICIAL_INTERVENTION("GSF-EOI", "General system functions: events that require election official intervention"),
    CONFIGURATION_CHANGE("GSF-SCS", "General system functions: changes to system configuration settings"),
    AUTHENTICATION("AAC-ARE", "Authentication and access control: authentication related events"),
    USER_ACTION("UA", "User actions"),
    ELECTION_EVENT("EE", "Election events"),
    HARDWARE_EVENT("HW", "Hardware events");

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
