package org.bulwark.custody;

import java.util.List;

/**
 * The checks a voting device must pass before its polls open (the EAC's pre-election checks; 15 CSR
 * 30-10.130(3) certified equipment only, 15 CSR 30-10.060 seals). Each has a stable word used in
 * reports, in {@code readiness.json}'s failedChecks, and as a bit in the store's summary.
 */
public enum ReadinessCheck {
    APPROVED_VERSION("approved-version", "Approved version"),
    SOFTWARE_FINGERPRINT("software-fingerprint", "Software fingerprint"),
    LAT_PASSED("lat-passed", "L&A passed"),
    SEALED_AFTER_LAT("sealed-after-lat", "Sealed after L&A"),
    SEALS_VERIFIED("seals-verified", "Seals verified at polls"),
    ELECTION_FINGERPRINT("election-fingerprint", "Election fingerprint");

    /** The checks whatever the election: the matrix's columns when it is not of one election. */
    public static final List<ReadinessCheck> MATRIX = List.of(APPROVED_VERSION, SOFTWARE_FINGERPRINT, LAT_PASSED, SEALED_AFTER_LAT,
            SEALS_VERIFIED);
    /** Every check: a clearance's, and the matrix's columns when it is of an election. */
    public static final List<ReadinessCheck> ALL = List.of(values());

    private final String word;
    private final String heading;

    ReadinessCheck(String word, String heading) {
        this.word = word;
        this.heading = heading;
    }

    public String word() {
        return word;
    }

    public String heading() {
        return heading;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** Every combination of failed checks, by its bits: a statewide matrix reads tens of thousands of them. */
    private static final List<List<ReadinessCheck>> BY_BITS = java.util.stream.IntStream.range(0, 1 << values().length)
            .mapToObj(bits -> java.util.Arrays.stream(values()).filter(c -> (bits & c.bit()) != 0).toList()).toList();

    /** The checks whose bits are set. */
    public static List<ReadinessCheck> fromBits(int bits) {
        if (bits < 0 || bits >= BY_BITS.size()) {
            throw new IllegalArgumentException("readiness bits " + bits + " name no set of checks");
        }
        return BY_BITS.get(bits);
    }
}
