package org.bulwark.tally;

import java.util.BitSet;
import java.util.Map;
import org.bulwark.model.Contest;
import org.bulwark.model.SelectionId;

/**
 * Where one contest's counters sit in a counter array: the selections' vote counters from
 * {@code base}, then overvotes, undervotes, ballots cast and blank ballots.
 *
 * @param index the contest's position in the election definition
 * @param selectionSlots absolute counter index of each selection of the contest
 * @param parties the contest's primary parties as party indexes; empty for a nonpartisan contest
 * @param ranked a ranked-choice contest, not counted here
 */
record ContestLayout(
        int index,
        Contest contest,
        int base,
        int selections,
        Map<SelectionId, Integer> selectionSlots,
        BitSet parties,
        boolean ranked) {
    static final int FIXED = 4;

    int overvotes() {
        return base + selections;
    }

    int undervotes() {
        return base + selections + 1;
    }

    int ballotsCast() {
        return base + selections + 2;
    }

    int blank() {
        return base + selections + 3;
    }

    int width() {
        return selections + FIXED;
    }

    int votesAllowed() {
        return contest.votesAllowed();
    }
}
