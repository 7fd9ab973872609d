package org.bulwark.custody;

import java.util.Objects;

/** Numbered seals issued to an election authority as a range of numbers (first to last, inclusive). */
public record SealStock(AuthorityId authority, long first, long last) {
    /** Seal numbers are printed on the seal: positive, at most 12 digits. */
    public static final long MAX_NUMBER = 999_999_999_999L;
    /** One issue of seals is at most a million numbers, so a typo in a range cannot hand out the state's whole stock. */
    public static final long MAX_RANGE = 1_000_000;

    public SealStock {
        Objects.requireNonNull(authority, "authority");
        checkNumber(first);
        checkNumber(last);
        if (last < first) {
            throw new IllegalArgumentException("the range " + first + "-" + last + " ends before it starts");
        }
        if (last - first + 1 > MAX_RANGE) {
            throw new IllegalArgumentException("the range " + first + "-" + last + " holds " + (last - first + 1)
                    + " seals; issue at most " + MAX_RANGE + " at a time");
        }
    }

    static long checkNumber(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("seal number " + number + " is not between 1 and " + MAX_NUMBER);
        }
        return number;
    }
}
