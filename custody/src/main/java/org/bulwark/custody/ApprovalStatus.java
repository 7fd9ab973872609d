package org.bulwark.custody;

import java.util.Optional;

/** The state's approval of a voting-system version (15 CSR 30-10.130(3)): only approved versions may be used. */
public enum ApprovalStatus {
    APPROVED("approved"),
    CONDITIONAL("conditional"),
    WITHDRAWN("withdrawn");

    private final String word;

    ApprovalStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether devices of a version with this status may be used (conditions are printed on the readiness report). */
    public boolean usable() {
        return this != WITHDRAWN;
    }

    public static Optional<ApprovalStatus> parse(String text) {
        return Words.parse(ApprovalStatus.class, ApprovalStatus::word, text);
    }

    public static String words() {
        return Words.list(ApprovalStatus.class, ApprovalStatus::word);
    }
}
