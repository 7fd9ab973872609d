package org.bulwark.custody;

import java.util.Optional;

/** Why an incident was opened: each rule that opens one automatically, and a report by a person. */
public enum IncidentKind {
    SEAL_MISMATCH("seal-mismatch", "the seal number observed differs from the one recorded"),
    SEAL_BROKEN_UNRECORDED("seal-broken-unrecorded", "a seal was found broken with no recorded break"),
    SEAL_REUSED("seal-reused", "a seal number was presented that was already applied once"),
    SEAL_UNISSUED("seal-unissued", "a seal number was presented that was never issued"),
    SEAL_FOREIGN("seal-foreign", "a seal number was presented that was issued to another authority"),
    CUSTODY_BREAK("custody-break", "an item turned up with no transfer, or its seal on arrival differs from the one at departure"),
    REPORTED("reported", "reported by a person");

    private final String word;
    private final String meaning;

    IncidentKind(String word, String meaning) {
        this.word = word;
        this.meaning = meaning;
    }

    public String word() {
        return word;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<IncidentKind> parse(String text) {
        return Words.parse(IncidentKind.class, IncidentKind::word, text);
    }
}
