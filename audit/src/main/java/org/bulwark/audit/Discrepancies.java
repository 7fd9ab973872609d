package org.bulwark.audit;

/**
 * Counts of discrepancies between paper and CVR in a comparison audit: one- and two-vote
 * overstatements (the CVR favoured the reported winner more than the paper does) and
 * understatements (less).
 */
public record Discrepancies(long o1, long o2, long u1, long u2) {
    public static final Discrepancies NONE = new Discrepancies(0, 0, 0, 0);

    public Discrepancies {
        if (o1 < 0 || o2 < 0 || u1 < 0 || u2 < 0) {
            throw new IllegalArgumentException("discrepancy counts cannot be negative: " + o1 + ", " + o2 + ", " + u1 + ", " + u2);
        }
    }

    /** These counts plus one discrepancy of {@code votes} (2, 1, -1 or -2; 0 adds nothing). */
    public Discrepancies plus(int votes) {
        return switch (votes) {
            case 2 -> new Discrepancies(o1, o2 + 1, u1, u2);
            case 1 -> new Discrepancies(o1 + 1, o2, u1, u2);
            case 0 -> this;
            case -1 -> new Discrepancies(o1, o2, u1 + 1, u2);
            case -2 -> new Discrepancies(o1, o2, u1, u2 + 1);
            default -> throw new IllegalArgumentException("a discrepancy is -2 to 2 votes, not " + votes);
        };
    }
}
