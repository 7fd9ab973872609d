package org.bulwark.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * What one ballot shows for one contest (NIST CVRContest in the current snapshot). The over- and
 * undervote counts the producing device recorded are kept as read; tabulation computes its own from
 * the marks and the contest's vote-for limit.
 */
public record CvrContest(ContestId contest, List<Mark> marks, OptionalInt recordedOvervotes, OptionalInt recordedUndervotes) {
    public CvrContest {
        marks = List.copyOf(marks);
    }
}
