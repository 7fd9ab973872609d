package org.bulwark.report;

import java.util.Objects;

/**
 * What a results report says about itself.
 *
 * @param title such as "Unofficial Results" or "Official Canvass Results"
 * @param electionFingerprint the SHA-256 of the election definition, in hex; shown short (7 digits) and in full
 * @param softwareVersion the Bulwark version that tabulated and printed the results
 * @param test true for results of test ballots: every page then says so
 */
public record ResultsReportInfo(String title, String electionFingerprint, String softwareVersion, boolean test) {
    public ResultsReportInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (electionFingerprint == null || electionFingerprint.isBlank()) {
            throw new IllegalArgumentException("a results report needs the election fingerprint");
        }
    }

    /** The first 7 hex digits, as every screen, report and paper record shows the fingerprint. */
    public String shortFingerprint() {
        return electionFingerprint.length() <= 7 ? electionFingerprint : electionFingerprint.substring(0, 7);
    }
}
